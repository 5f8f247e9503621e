// What an input line means when Enter is pressed: a partner choice, a command, or text to send.
// `to:NAME` and `quit` are the plain face's own words (docs/protocol.md "The plain face").
import {PLAIN_QUIT, PLAIN_TO_PREFIX} from '../../protocol/plain-face.js';
import {keymap} from './keymap.js';

type InputCommand =
	| {type: 'none'}
	/** `text`, when there is any after the name (`/to bob hi`, `/msg bob hi`), is sent to them. */
	| {type: 'choose'; name: string; text?: string}
	| {type: 'quit'}
	| {type: 'help'}
	| {type: 'close'}
	| {type: 'who'}
	| {type: 'clear'}
	| {type: 'reconnect'}
	| {type: 'search'; text: string; all: boolean}
	| {type: 'forget'}
	| {type: 'whois'; name: string}
	| {type: 'unknown-command'; command: string}
	| {type: 'text'; text: string}
	/** `/me waves`: an action; `text` is empty when nothing followed. */
	| {type: 'action'; text: string};

/** The commands typed in the input line, for the help overlay. */
export const INPUT_COMMANDS = [
	{syntax: `${PLAIN_TO_PREFIX}NAME`, description: 'chat with NAME (also /to NAME)'},
	{
		syntax: '/msg NAME TEXT',
		description: 'chat with NAME and send TEXT, kept for NAME if offline (also /to)',
	},
	{syntax: '/who', description: 'list who is online'},
	{syntax: '/whois NAME', description: "NAME's key fingerprint and presence"},
	{syntax: '/clear', description: 'clear the screen (PgUp still shows the history)'},
	{syntax: '/reconnect', description: 'try to reach the host now, while reconnecting'},
	{syntax: '/me TEXT', description: 'an action: * alice TEXT'},
	{syntax: '//TEXT', description: 'send a line that starts with /'},
	{syntax: '/close, /forget', description: 'close the conversation; forget deletes it (asks)'},
	{syntax: '/help', description: 'the help'},
	{syntax: PLAIN_QUIT, description: 'log out and leave (also /quit)'},
] as const;

/** Parses a submitted line. `to:NAME` / `/to NAME` mirror the relay's partner command. */
export function parseInputCommand(line: string): InputCommand {
	const trimmed = line.trim();
	if (trimmed === '') return {type: 'none'};
	// Commands are one line: a multi-line input (a paste) is always text, even `to:bob` in it.
	if (trimmed.includes('\n')) return {type: 'text', text: line};
	if (trimmed.startsWith(PLAIN_TO_PREFIX)) {
		return {type: 'choose', name: trimmed.slice(PLAIN_TO_PREFIX.length).trim()};
	}

	if (trimmed === PLAIN_QUIT) return {type: 'quit'};
	if (!trimmed.startsWith('/')) return {type: 'text', text: line};
	if (trimmed.startsWith('//')) return {type: 'text', text: trimmed.slice(1)};
	const [command = '', ...rest] = trimmed.split(/\s+/);
	switch (command.toLowerCase()) {
		case '/to':
		case '/msg': {
			return chooseAndSay(trimmed.slice(command.length).trimStart());
		}
		case '/who': {
			return {type: 'who'};
		}
		case '/clear': {
			return {type: 'clear'};
		}
		case '/reconnect': {
			return {type: 'reconnect'};
		}
		case '/quit': {
			return {type: 'quit'};
		}
		case '/help': {
			return {type: 'help'};
		}
		case '/close': {
			return {type: 'close'};
		}
		case '/me': {
			return {type: 'action', text: trimmed.slice(command.length).trim()};
		}
		case '/search': {
			const all = rest[0] === '-a';
			// The text as typed after the command (and -a), spaces inside it kept.
			const text = trimmed.slice(command.length).trimStart();
			return {type: 'search', all, text: all ? text.slice(2).trimStart() : text};
		}
		case '/forget': {
			return {type: 'forget'};
		}
		case '/whois': {
			return {type: 'whois', name: rest.join(' ')};
		}
		default: {
			return {type: 'unknown-command', command};
		}
	}
}

/** `NAME` or `NAME text…`: a name has no spaces, so the first space ends it. */
function chooseAndSay(rest: string): InputCommand {
	const space = rest.search(/\s/);
	if (space === -1) return {type: 'choose', name: rest};
	const text = rest.slice(space).trimStart();
	return {type: 'choose', name: rest.slice(0, space), text};
}

/**
 * Every command word the help names (`/to`, `/msg`, `//` …), for the answer to one that is not
 * known: the commands' rows and the keys' descriptions (`/search` is named by Ctrl+R's).
 */
export function commandWords(): string[] {
	const texts = [
		...INPUT_COMMANDS.map((command) => `${command.syntax} ${command.description}`),
		...keymap.map((binding) => binding.description),
	];
	const words = texts.flatMap((text) => text.match(/\/\/|\/[a-z]+/g) ?? []);
	return [...new Set(words)];
}
