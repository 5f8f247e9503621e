// Turns one raw input event from Ink (a key's escape sequence, or a run of typed/pasted text) into
// key presses. Ink's own useInput hides which function key was pressed, so the UI parses keys itself.

export type KeyPress = {
	/** A key name ('return', 'up', 'f1', 'n' …) or 'text' for printable input. */
	name: string;
	ctrl: boolean;
	meta: boolean;
	shift: boolean;
	/** The printable text, only for name 'text'. */
	text?: string;
};

const ESC = '\u001B';

/** Final part of a CSI/SS3 sequence (after ESC [ or ESC O, without modifiers) → key name. */
const SEQUENCE_NAMES: Record<string, string> = {
	'[A': 'up',
	'[B': 'down',
	'[C': 'right',
	'[D': 'left',
	'[H': 'home',
	'[F': 'end',
	'[P': 'f1',
	'[Z': 'tab',
	OA: 'up',
	OB: 'down',
	OC: 'right',
	OD: 'left',
	OH: 'home',
	OF: 'end',
	OP: 'f1',
	OQ: 'f2',
	OR: 'f3',
	OS: 'f4',
	'[1~': 'home',
	'[2~': 'insert',
	'[3~': 'delete',
	'[4~': 'end',
	'[5~': 'pageup',
	'[6~': 'pagedown',
	'[7~': 'home',
	'[8~': 'end',
	'[11~': 'f1',
	'[12~': 'f2',
	'[13~': 'f3',
	'[14~': 'f4',
	'[15~': 'f5',
	'[[A': 'f1',
	'[[B': 'f2',
	'[[5~': 'pageup',
	'[[6~': 'pagedown',
};

/** ESC [ params final, or ESC O final; params may carry an xterm modifier (`1;5A`, `5;3~`). */
const SEQUENCE = /^\u001B(\[\[?|O)([\d;]*)([A-Za-z~])$/;

function key(name: string, modifiers: Partial<KeyPress> = {}): KeyPress {
	return {name, ctrl: false, meta: false, shift: false, ...modifiers};
}

function parseSequence(sequence: string): KeyPress | undefined {
	const match = SEQUENCE.exec(sequence);
	if (!match) return undefined;
	const [, introducer = '', parameters = '', final = ''] = match;
	const [first = '', modifier] = parameters.split(';');
	const name = SEQUENCE_NAMES[introducer + (final === '~' ? `${first}~` : final)];
	if (name === undefined) return key('unknown');
	// xterm modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4)
	const bits = modifier === undefined ? 0 : Number(modifier) - 1;
	return key(name, {
		shift: (bits & 1) !== 0 || final === 'Z',
		meta: (bits & 2) !== 0,
		ctrl: (bits & 4) !== 0,
	});
}

function parseControl(char: string): KeyPress {
	const code = char.codePointAt(0) ?? 0;
	// Enter sends CR in raw mode; LF is Ctrl+J, which puts a new line into a message.
	if (char === '\r') return key('return');
	if (char === '\t') return key('tab');
	if (char === '\u007F' || char === '\b') return key('backspace');
	if (char === ESC) return key('escape');
	if (code === 0) return key('space', {ctrl: true});
	if (code >= 1 && code <= 26) return key(String.fromCodePoint(code + 96), {ctrl: true});
	return key('unknown', {ctrl: true});
}

function isControl(char: string): boolean {
	const code = char.codePointAt(0) ?? 0;
	return code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

/** Parses one input event. Plain text comes back as one 'text' key per run between control keys. */
export function parseKeys(input: string): KeyPress[] {
	if (input.startsWith(ESC) && input.length > 1) {
		const sequence = parseSequence(input);
		if (sequence) return [sequence];
		const rest = input.slice(1);
		if (rest === ESC) return [key('escape', {meta: true})];
		if (rest.startsWith(ESC)) {
			const inner = parseSequence(rest);
			return [inner ? {...inner, meta: true} : key('unknown')];
		}
		// ESC + one character is how terminals send Alt+character.
		if ([...rest].length === 1) {
			if (isControl(rest)) return [{...parseControl(rest), meta: true}];
			return [key(rest.toLowerCase(), {meta: true, shift: rest !== rest.toLowerCase()})];
		}
		return [key('unknown')];
	}

	const keys: KeyPress[] = [];
	let text = '';
	for (const char of input) {
		if (isControl(char)) {
			if (text) keys.push(key('text', {text}));
			text = '';
			keys.push(parseControl(char));
		} else {
			text += char;
		}
	}
	if (text) keys.push(key('text', {text}));
	return keys;
}

/** A binding id such as 'ctrl+n', 'alt+1', 'pageup' or 'shift+tab'. */
export function keyId(pressed: KeyPress): string {
	return `${pressed.ctrl ? 'ctrl+' : ''}${pressed.meta ? 'alt+' : ''}${pressed.shift && pressed.name.length > 1 ? 'shift+' : ''}${pressed.name}`;
}
