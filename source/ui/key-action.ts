// A parsed key becomes one reducer action: a keymap command, typed text, or nothing at all.
// Unbound control keys are dropped here, which is why no shortcut can leak into the input line.
import type {ChatAction} from './chat-reducer.js';
import type {ViewSize} from './key-commands.js';
import {commandForKey} from './keymap.js';
import {keyId, type KeyPress} from './parse-key.js';

export function actionForKey(key: KeyPress, view: ViewSize, now: number): ChatAction | undefined {
	const command = commandForKey(keyId(key));
	if (command) return {type: 'command', command, keyName: key.name, view, now};
	if (key.name === 'text' && key.text && !key.ctrl && !key.meta) {
		return {type: 'type-text', text: key.text};
	}
	return undefined;
}
