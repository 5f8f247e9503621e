// What an input line means when Enter is pressed: a partner choice, a command, or text to send.
// `to:NAME` and `quit` are the plain face's own words (docs/protocol.md "The plain face").
import {PLAIN_QUIT, PLAIN_TO_PREFIX} from '../../protocol/plain-face.js';

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
	| {type: 'unknown-command'; command: string}
	| {type: 'text'; text: string};

/** The commands typed in the input line, for the help overlay. */
export const INPUT_COMMANDS = [
	{syntax: `${PLAIN_TO_PREFIX}NAME`, description: 'chat with NAME (also /to NAME)'},
	{syntax: '/to NAME TEXT', description: 'chat with NAME and send TEXT (also /msg NAME TEXT)'},
	{syntax: '/who', description: 'list who is online'},
	{syntax: '/clear', description: 'clear the screen (PgUp still shows the history)'},
	{syntax: '/reconnect', description: 'try to reach the host now, while reconnecting'},
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
	const [command = ''] = trimmed.split(/\s/, 1);
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

/** Every command word the help names (`/to`, `/msg` …), for the answer to one that is not known. */
export function commandWords(): string[] {
	const words = INPUT_COMMANDS.flatMap(
		(command) => `${command.syntax} ${command.description}`.match(/\/[a-z]+/g) ?? [],
	);
	return [...new Set(words)];
}
