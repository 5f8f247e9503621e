// The one root keypress handler: raw key sequences from Ink → parsed keys → reducer actions.
// It listens to Ink's input events directly because useInput cannot tell F1 from other keys.
import {useStdin} from 'ink';
import {useEffect, useRef, type Dispatch} from 'react';
import type {ChatAction} from './chat-reducer.js';
import type {ViewSize} from './key-commands.js';
import {actionForKey} from './key-action.js';
import {parseKeys} from './parse-key.js';

export function useChatKeys(dispatch: Dispatch<ChatAction>, view: ViewSize): void {
	const {internal_eventEmitter: emitter, setRawMode, isRawModeSupported} = useStdin();
	// Read at key time, so a key after a resize pages by the new size without re-subscribing.
	const viewRef = useRef(view);
	useEffect(() => {
		viewRef.current = view;
	}, [view]);

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
				const action = actionForKey(key, viewRef.current, Date.now());
				if (action) dispatch(action);
			}
		};
		emitter.on('input', onInput);
		return () => {
			emitter.off('input', onInput);
		};
	}, [emitter, dispatch]);
}
