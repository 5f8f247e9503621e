// What an input line means when Enter is pressed: a partner choice, a command, or text to send.
// `to:NAME` and `quit` are the plain face's own words (docs/protocol.md "The plain face").
import {PLAIN_QUIT, PLAIN_TO_PREFIX} from '../../protocol/plain-face.js';

type InputCommand =
	| {type: 'none'}
	| {type: 'choose'; name: string}
	| {type: 'quit'}
	| {type: 'help'}
	| {type: 'close'}
	| {type: 'whois'; name: string}
	| {type: 'unknown-command'; command: string}
	| {type: 'text'; text: string};

/** The commands typed in the input line, for the help overlay. */
export const INPUT_COMMANDS = [
	{syntax: `${PLAIN_TO_PREFIX}NAME`, description: 'chat with NAME (also /to NAME)'},
	{syntax: '/close', description: 'close the conversation'},
	{syntax: '/help', description: 'the help'},
	{syntax: PLAIN_QUIT, description: 'log out and leave (also /quit)'},
] as const;

/** Parses a submitted line. `to:NAME` / `/to NAME` mirror the relay's partner command. */
export function parseInputCommand(line: string): InputCommand {
	const trimmed = line.trim();
	if (trimmed === '') return {type: 'none'};
	if (trimmed.startsWith(PLAIN_TO_PREFIX)) {
		return {type: 'choose', name: trimmed.slice(PLAIN_TO_PREFIX.length).trim()};
	}

	if (trimmed === PLAIN_QUIT) return {type: 'quit'};
	if (!trimmed.startsWith('/')) return {type: 'text', text: line};
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
		case '/whois': {
			return {type: 'whois', name: rest.join(' ')};
		}
		default: {
			return {type: 'unknown-command', command};
		}
	}
}
