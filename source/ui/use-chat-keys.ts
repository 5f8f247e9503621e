// The one root keypress handler: raw key sequences from Ink → parsed keys → reducer actions.
// It listens to Ink's input events directly because useInput cannot tell F1 from other keys.
import {useStdin} from 'ink';
import {useEffect, useLayoutEffect, useRef, type Dispatch} from 'react';
import type {ChatAction} from './chat-reducer.js';
import type {ViewSize} from './key-commands.js';
import {actionForKey} from './key-action.js';
import {parseKeys} from './parse-key.js';

/** While the screen is hidden (too small) only quitting works: nothing is typed or sent blind. */
function allowedBlind(action: ChatAction): boolean {
	return action.type === 'command' && action.command === 'quit';
}

export function useChatKeys(dispatch: Dispatch<ChatAction>, view: ViewSize, hidden: boolean): void {
	const {internal_eventEmitter: emitter, setRawMode, isRawModeSupported} = useStdin();
	// Read at key time, so a key after a resize pages by the new size without re-subscribing;
	// set as the frame is committed, so no key is read against the size before it.
	const viewRef = useRef({view, hidden});
	useLayoutEffect(() => {
		viewRef.current = {view, hidden};
	}, [view, hidden]);

	useEffect(() => {
		if (!isRawModeSupported) return;
		setRawMode(true);
		return () => {
			setRawMode(false);
		};
	}, [isRawModeSupported, setRawMode]);

	useEffect(() => {
		const onInput = (data: string) => {
			for (const key of parseKeys(data)) {
				const {view, hidden} = viewRef.current;
				const action = actionForKey(key, view, Date.now());
				if (action && (!hidden || allowedBlind(action))) dispatch(action);
			}
		};
		emitter.on('input', onInput);
		return () => {
			emitter.off('input', onInput);
		};
	}, [emitter, dispatch]);
}
