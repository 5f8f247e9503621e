// What an input line means when Enter is pressed: a partner choice, a command, or text to send.
// `to:NAME` and `quit` are the plain face's own words (docs/protocol.md "The plain face").
import {PLAIN_QUIT, PLAIN_TO_PREFIX} from '../../protocol/plain-face.js';

type InputCommand =
	| {type: 'none'}
	| {type: 'choose'; name: string}
	| {type: 'quit'}
	| {type: 'help'}
	| {type: 'close'}
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
		case '/to': {
			return {type: 'choose', name: rest.join(' ')};
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
