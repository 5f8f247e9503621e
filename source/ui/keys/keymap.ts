// Every shortcut, as data. The root keypress handler looks keys up here and the help overlay and
// the readme's "Keys" section are drawn from this table, so they cannot drift apart.

export type Command =
	| 'next-user'
	| 'previous-user'
	| 'jump-to-user'
	| 'next-unread'
	| 'scroll-up'
	| 'scroll-down'
	| 'history-previous'
	| 'history-next'
	| 'complete-name'
	| 'search'
	| 'toggle-help'
	| 'close-overlay'
	| 'close-conversation'
	| 'quit'
	| 'quit-or-delete'
	| 'redraw'
	| 'suspend'
	| 'submit'
	| 'insert-newline'
	| 'cursor-left'
	| 'cursor-right'
	| 'word-left'
	| 'word-right'
	| 'line-start'
	| 'line-end'
	| 'delete-back'
	| 'delete-forward'
	| 'delete-word-back'
	| 'delete-to-start'
	| 'delete-to-end';

export type Binding = {
	command: Command;
	/** Key ids as produced by `keyId` (parse-key.ts). */
	keys: readonly string[];
	description: string;
	group: 'chat' | 'editing';
	/** How the keys are written for people, when listing each one would be too long. */
	label?: string;
};

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export const keymap: readonly Binding[] = [
	{command: 'next-user', keys: ['ctrl+n'], description: 'next user', group: 'chat'},
	{command: 'previous-user', keys: ['ctrl+p'], description: 'previous user', group: 'chat'},
	{
		command: 'jump-to-user',
		keys: digits.map((digit) => `alt+${digit}`),
		label: 'Alt+1 … Alt+9',
		description: 'jump to conversation N, numbered as opened',
		group: 'chat',
	},
	{
		command: 'next-unread',
		keys: ['alt+a'],
		description: 'jump to the next unread conversation',
		group: 'chat',
	},
	{
		command: 'scroll-up',
		keys: ['pageup'],
		description: 'scroll the conversation up',
		group: 'chat',
	},
	{
		command: 'scroll-down',
		keys: ['pagedown'],
		description: 'scroll the conversation down',
		group: 'chat',
	},
	{command: 'history-previous', keys: ['up'], description: 'previous input line', group: 'chat'},
	{command: 'history-next', keys: ['down'], description: 'next input line', group: 'chat'},
	{
		command: 'complete-name',
		keys: ['tab'],
		description: 'complete a user name after to: or /to',
		group: 'chat',
	},
	{
		command: 'toggle-help',
		keys: ['f1'],
		description: 'open or close the help (also /help)',
		group: 'chat',
	},
	{
		command: 'close-overlay',
		keys: ['escape'],
		description: 'close the help or the search',
		group: 'chat',
	},
	{
		command: 'close-conversation',
		keys: ['alt+w'],
		description: 'close the conversation (also /close)',
		group: 'chat',
	},
	{command: 'submit', keys: ['return'], description: 'send the line', group: 'chat'},
	{
		command: 'insert-newline',
		keys: ['alt+return', 'ctrl+j'],
		description: 'a new line in the message',
		group: 'editing',
	},
	{command: 'quit', keys: ['ctrl+c'], description: 'quit (also quit or /quit)', group: 'chat'},
	{
		command: 'quit-or-delete',
		keys: ['ctrl+d'],
		description: 'quit on an empty line, else delete forward',
		group: 'chat',
	},
	{command: 'redraw', keys: ['ctrl+l'], description: 'draw the screen again', group: 'chat'},
	{
		command: 'suspend',
		keys: ['ctrl+z'],
		description: 'suspend to the shell (fg comes back)',
		group: 'chat',
	},
	{command: 'cursor-left', keys: ['left', 'ctrl+b'], description: 'move left', group: 'editing'},
	{command: 'cursor-right', keys: ['right', 'ctrl+f'], description: 'move right', group: 'editing'},
	{
		command: 'word-left',
		keys: ['alt+b', 'ctrl+left', 'alt+left'],
		description: 'move a word left',
		group: 'editing',
	},
	{
		command: 'word-right',
		keys: ['alt+f', 'ctrl+right', 'alt+right'],
		description: 'move a word right',
		group: 'editing',
	},
	{
		command: 'line-start',
		keys: ['home', 'ctrl+a'],
		description: 'start of line (empty line: oldest message)',
		group: 'editing',
	},
	{
		command: 'line-end',
		keys: ['end', 'ctrl+e'],
		description: 'end of line (empty line: newest message)',
		group: 'editing',
	},
	{
		command: 'delete-back',
		keys: ['backspace'],
		description: 'delete the character before the cursor',
		group: 'editing',
	},
	{
		command: 'delete-forward',
		keys: ['delete'],
		description: 'delete the character under the cursor',
		group: 'editing',
	},
	{
		command: 'delete-word-back',
		keys: ['ctrl+w', 'alt+backspace'],
		description: 'delete the word before the cursor',
		group: 'editing',
	},
	{
		command: 'delete-to-start',
		keys: ['ctrl+u'],
		description: 'delete to the start of the line',
		group: 'editing',
	},
	{
		command: 'search',
		keys: ['ctrl+r'],
		description: 'search the conversation (/search TEXT, -a: all)',
		group: 'editing',
	},
	{
		command: 'delete-to-end',
		keys: ['ctrl+k'],
		description: 'delete to the end of the line',
		group: 'editing',
	},
];

const commandByKey = new Map<string, Command>(
	keymap.flatMap((binding) => binding.keys.map((id) => [id, binding.command] as const)),
);

/** The command bound to a key id, if any. */
export function commandForKey(id: string): Command | undefined {
	return commandByKey.get(id);
}

/** 'ctrl+n' → 'Ctrl+N', 'pageup' → 'PgUp': how a key is written for people. */
export function keyLabel(id: string): string {
	return id
		.split('+')
		.map((part) => KEY_WORDS[part] ?? (part.length === 1 ? part.toUpperCase() : part))
		.join('+');
}

const KEY_WORDS: Record<string, string> = {
	ctrl: 'Ctrl',
	alt: 'Alt',
	shift: 'Shift',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	up: 'Up',
	down: 'Down',
	left: 'Left',
	right: 'Right',
	home: 'Home',
	end: 'End',
	tab: 'Tab',
	escape: 'Esc',
	return: 'Enter',
	backspace: 'Backspace',
	delete: 'Delete',
	f1: 'F1',
};

/** The keys of a binding as people read them: 'Home / Ctrl+A'. */
export function bindingLabel(binding: Binding): string {
	return binding.label ?? binding.keys.map((id) => keyLabel(id)).join(' / ');
}
