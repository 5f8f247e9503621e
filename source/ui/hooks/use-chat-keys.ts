// The one root keypress handler: raw key sequences from Ink → parsed keys → reducer actions.
// It listens to Ink's input events directly because useInput cannot tell F1 from other keys.
import {useStdin} from 'ink';
import {useEffect, useLayoutEffect, useRef, type Dispatch} from 'react';
import {PASTE_END_TIMEOUT_MS} from '../../client/limits.js';
import {createPasteParser, type InputPiece} from '../keys/bracketed-paste.js';
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
		// Ink's input first goes through the paste parser: a paste is text, never keys.
		const paste = createPasteParser();
		let pasteTimer: NodeJS.Timeout | undefined;
		const handle = (pieces: InputPiece[]) => {
			for (const piece of pieces) {
				const {view, hidden} = viewRef.current;
				if (piece.kind === 'paste') {
					if (!hidden) dispatch({type: 'paste', text: piece.text});
					continue;
				}
				for (const key of parseKeys(piece.data)) {
					const action = actionForKey(key, view, clock.now());
					const allowed = action && hidden ? blindAction(action) : action;
					if (allowed) dispatch(allowed);
				}
			}
		};
		const onInput = (data: string) => {
			clearTimeout(pasteTimer);
			handle(paste.push(data));
			if (paste.waiting) {
				pasteTimer = setTimeout(() => {
					handle(paste.flush());
				}, PASTE_END_TIMEOUT_MS);
			}
		};
		emitter.on('input', onInput);
		return () => {
			clearTimeout(pasteTimer);
			emitter.off('input', onInput);
		};
	}, [emitter, dispatch, clock]);
}
