// The full command line of `chat` (chat.ts takes a plain `chat join` without it). Usage errors
// are one sentence, the usage, and exit code 2; nothing a person types ends in a stack trace.

import process from 'node:process';
import meow from 'meow';
import type {JoinOptions} from '../join/run-join.js';
import {EXIT_USAGE} from '../exit-codes.js';
import type {HostOptions} from '../host/host-options.js';
import type {NamesCommand} from '../host/run-names.js';
import {hostAccessFromFlags} from './access-flags.js';
import {FLAGS} from './flag-table.js';
import {hostOptionsFromFlags} from './host-flags.js';
import {joinOptionsFromFlags} from './join-flags.js';
import {readFlags} from './read-flags.js';
import {startJoin} from './start-join.js';
import {USAGE} from './usage-text.js';

/** What a command line asks for, before anything is started. */
type CommandLine =
	| {command: 'help' | 'version'}
	| {command: 'usage-error'; sentence: string}
	| {command: 'host'; options: HostOptions; flags: Readonly<Record<string, unknown>>}
	| {command: 'join'; options: JoinOptions}
	| {command: 'names'; names: NamesCommand; dataDir: string | undefined};

type MeowFlag = {type: 'string'} | {type: 'boolean'; default: boolean; shortFlag?: string};

const MEOW_FLAGS: Record<string, MeowFlag> = Object.fromEntries(
	FLAGS.map((flag): [string, MeowFlag] => {
		if (flag.kind !== 'switch') return [flag.key, {type: 'string'}];
		const {short} = flag;
		const meowFlag = {type: 'boolean', default: flag.default} as const;
		return [flag.key, short === undefined ? meowFlag : {...meowFlag, shortFlag: short}];
	}),
);

const MEOW_OPTIONS = {
	importMeta: import.meta,
	autoHelp: false,
	autoVersion: false,
	// readFlags has checked them, to answer with one sentence and the usage.
	allowUnknownFlags: true,
	flags: MEOW_FLAGS,
} as const;

/** Reads a command line: what to start, or the one sentence that says why it cannot work. */
export function readCommandLine(argv: readonly string[]): CommandLine {
	const read = readFlags(argv);
	// --help and --version answer whatever else the line holds, as git and ssh do.
	if (read.given.has('version')) return {command: 'version'};
	if (read.given.has('help')) return {command: 'help'};
	if (read.problem !== undefined) return usageError(read.problem);

	let cli;
	try {
		cli = meow(USAGE, {...MEOW_OPTIONS, argv: [...argv]});
	} catch (error: unknown) {
		// readFlags found the line sound; whatever meow still throws is a usage error too.
		return usageError(error instanceof Error ? error.message : String(error));
	}

	const [command, ...rest] = cli.input;
	switch (command) {
		case 'host': {
			if (rest.length > 0)
				return usageError(`chat host takes no arguments, not '${rest.join(' ')}'`);
			const parsed = hostOptionsFromFlags(cli.flags);
			if (!parsed.ok) return usageError(parsed.error);
			return {command: 'host', options: parsed.options, flags: cli.flags};
		}

		case 'join': {
			const [address, ...extra] = rest;
			if (address === undefined)
				return usageError('chat join needs NAME@HOST, for example alice@localhost');
			if (extra.length > 0)
				return usageError(`chat join takes one address, not '${rest.join(' ')}'`);
			return {command: 'join', options: joinOptionsFromFlags(address, cli.flags)};
		}

		case 'names': {
			const names = namesCommand(rest);
			if (typeof names === 'string') return usageError(names);
			const data = cli.flags['data'];
			return {command: 'names', names, dataDir: typeof data === 'string' ? data : undefined};
		}

		case undefined: {
			return usageError('say which command: chat host, or chat join NAME@HOST');
		}

		default: {
			return usageError(`unknown command '${command}'`);
		}
	}
}

/** `chat names` lists, `chat names release NAME` frees one; else the sentence saying why not. */
function namesCommand(words: readonly string[]): NamesCommand | string {
	const [verb, name, ...extra] = words;
	if (verb === undefined) return {kind: 'list'};
	if (verb !== 'release')
		return `chat names lists, or releases one: chat names release NAME, not '${verb}'`;
	if (name === undefined)
		return 'chat names release needs the name to free, for example chat names release bob';
	if (extra.length > 0)
		return `chat names release takes one name, not '${words.slice(1).join(' ')}'`;
	return {kind: 'release', name};
}

function usageError(sentence: string): CommandLine {
	return {command: 'usage-error', sentence};
}

export async function runCommandLine(argv = process.argv.slice(2)): Promise<number> {
	const line = readCommandLine(argv);
	switch (line.command) {
		case 'help':
		case 'version':
		case 'usage-error': {
			const {pkg, help} = meow(USAGE, {...MEOW_OPTIONS, argv: []});
			if (line.command === 'usage-error') {
				process.stderr.write(`chat: ${line.sentence}\n${help}\n`);
				return EXIT_USAGE;
			}

			process.stdout.write(line.command === 'version' ? `${pkg.version ?? ''}\n` : `${help}\n`);
			return 0;
		}

		case 'host': {
			const access = await hostAccessFromFlags(line.flags, process.env);
			if (!access.ok) {
				process.stderr.write(`chat host: ${access.error}\n`);
				return EXIT_USAGE;
			}

			for (const note of access.notes) process.stderr.write(`chat host: ${note}\n`);
			const {runHost} = await import('../host/run-host.js');
			const data = line.flags['data'];
			const dataDir = typeof data === 'string' ? data : undefined;
			return runHost({...line.options, ...access.options, dataDir});
		}

		case 'join': {
			return startJoin(line.options);
		}

		case 'names': {
			const {runNames} = await import('../host/run-names.js');
			return runNames({command: line.names, dataDir: line.dataDir});
		}
	}
}
