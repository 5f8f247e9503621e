// The one root keypress handler: raw key sequences from Ink → parsed keys → reducer actions.
// It listens to Ink's input events directly because useInput cannot tell F1 from other keys.
import {useStdin} from 'ink';
import {useEffect, useLayoutEffect, useRef, type Dispatch} from 'react';
import {commandForKey} from '../keys/keymap.js';
import {keyId, parseKeys, type KeyPress} from '../keys/parse-key.js';
import type {Clock} from '../clock.js';
import type {ViewSize} from '../state/apply-command.js';
import type {ChatAction} from '../state/chat-reducer.js';

/**
 * A parsed key becomes one reducer action: a keymap command, typed text, or nothing at all.
 * Unbound control keys are dropped here, which is why no shortcut can leak into the input line.
 */
function actionForKey(key: KeyPress, view: ViewSize, now: number): ChatAction | undefined {
	const command = commandForKey(keyId(key));
	if (command) return {type: 'command', command, keyName: key.name, view, now};
	if (key.name === 'text' && key.text && !key.ctrl && !key.meta) {
		return {type: 'type-text', text: key.text};
	}
	return undefined;
}

/** Keys that still work while the screen is hidden (too small): nothing is typed or sent blind. */
const BLIND_COMMANDS: ReadonlySet<string> = new Set(['quit', 'redraw', 'suspend']);

/**
 * What a key does on a hidden screen: the blind commands, and typing marked blind, which the
 * reducer takes only as the answer to the quit question (the notice shows it).
 */
function blindAction(action: ChatAction): ChatAction | undefined {
	if (action.type === 'type-text') return {...action, blind: true};
	return action.type === 'command' && BLIND_COMMANDS.has(action.command) ? action : undefined;
}

export function useChatKeys(
	dispatch: Dispatch<ChatAction>,
	view: ViewSize,
	hidden: boolean,
	clock: Clock,
): void {
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
				const action = actionForKey(key, view, clock.now());
				const allowed = action && hidden ? blindAction(action) : action;
				if (allowed) dispatch(allowed);
			}
		};
		emitter.on('input', onInput);
		return () => {
			emitter.off('input', onInput);
		};
	}, [emitter, dispatch, clock]);
}
