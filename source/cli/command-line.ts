// The full command line of `chat` (chat.ts takes a plain `chat join` without it). Usage errors
// are one sentence, the usage, and exit code 2; nothing a person types ends in a stack trace.

import process from 'node:process';
import meow from 'meow';
import type {JoinOptions} from '../join/run-join.js';
import {EXIT_USAGE} from '../exit-codes.js';
import type {HostOptions} from '../host/host-options.js';
import type {NamesCommand} from '../host/run-names.js';
import {hostAccessFromFlags} from './access-flags.js';
import {clusterFromFlags} from './cluster-flags.js';
import {FLAGS} from './flag-table.js';
import {hostOptionsFromFlags} from './host-flags.js';
import {historyDaysOf, joinOptionsFromFlags} from './join-flags.js';
import type {LogOptions} from '../log/run-log.js';
import {readFlags} from './read-flags.js';
import {startJoin} from './start-join.js';
import {USAGE, commandUsage} from './usage-text.js';
import {COMMAND_HELP} from './command-help.js';
import type {Command} from './flag-kinds.js';

/** What a command line asks for, before anything is started. */
type CommandLine =
	| {command: 'version'}
	/** `of`: the command whose help it is; undefined for all of `chat`. */
	| {command: 'help'; of: Command | undefined}
	| {command: 'usage-error'; sentence: string}
	| {command: 'host'; options: HostOptions; flags: Readonly<Record<string, unknown>>}
	| {command: 'join'; options: JoinOptions}
	/** `chat join` with no address: the first-run form at a terminal, else `usage`. */
	| {command: 'join-form'; options: Omit<JoinOptions, 'address'>; usage: string}
	| {command: 'log'; options: LogOptions}
	| {
			command: 'names';
			names: NamesCommand;
			dataDir: string | undefined;
			flags: Readonly<Record<string, unknown>>;
	  };

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

const JOIN_NEEDS_ADDRESS = 'chat join needs NAME@HOST, for example alice@localhost';

/** Reads a command line: what to start, or the one sentence that says why it cannot work. */
export function readCommandLine(argv: readonly string[]): CommandLine {
	const read = readFlags(argv);
	// --help and --version answer whatever else the line holds, as git and ssh do.
	if (read.given.has('version')) return {command: 'version'};
	if (read.given.has('help')) return {command: 'help', of: helpOf(read.command)};
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
			if (address === undefined) {
				const {follow, bell, tls} = joinOptionsFromFlags('', cli.flags);
				return {command: 'join-form', options: {follow, bell, tls}, usage: JOIN_NEEDS_ADDRESS};
			}

			if (extra.length > 0)
				return usageError(`chat join takes one address, not '${rest.join(' ')}'`);
			const days = historyDaysOf(cli.flags);
			if (typeof days === 'object') return usageError(days.error);
			return {command: 'join', options: joinOptionsFromFlags(address, cli.flags)};
		}

		case 'log': {
			const [address, partner, ...extra] = rest;
			if (address === undefined)
				return usageError('chat log needs NAME@HOST, for example alice@localhost');
			if (extra.length > 0)
				return usageError(`chat log takes an address and a partner, not '${rest.join(' ')}'`);
			return {command: 'log', options: {address, partner, json: cli.flags['json'] === true}};
		}

		case 'names': {
			const names = namesCommand(rest);
			if (typeof names === 'string') return usageError(names);
			const data = cli.flags['data'];
			if (typeof data === 'string' && typeof cli.flags['redis'] === 'string') {
				return usageError("chat names reads one host's --data or a cluster's --redis, not both");
			}

			const dataDir = typeof data === 'string' ? data : undefined;
			return {command: 'names', names, dataDir, flags: cli.flags};
		}

		case undefined: {
			return usageError('say which command: chat host, or chat join NAME@HOST');
		}

		default: {
			return usageError(`unknown command '${command}'`);
		}
	}
}

/** The command a `--help` is about: one of chat's, or (undefined) all of them. */
function helpOf(word: string | undefined): Command | undefined {
	return word !== undefined && Object.hasOwn(COMMAND_HELP, word) ? (word as Command) : undefined;
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
			const text = line.command === 'help' && line.of !== undefined ? commandUsage(line.of) : USAGE;
			const {pkg, help} = meow(text, {...MEOW_OPTIONS, argv: []});
			if (line.command === 'usage-error') return sayUsageError(line.sentence, help);
			process.stdout.write(line.command === 'version' ? `${pkg.version ?? ''}\n` : `${help}\n`);
			return 0;
		}

		case 'host': {
			const access = await hostAccessFromFlags(line.flags, process.env);
			if (!access.ok) {
				process.stderr.write(`chat host: ${access.error}\n`);
				return EXIT_USAGE;
			}

			const cluster = clusterFromFlags(line.flags, process.env);
			if (!cluster.ok) {
				process.stderr.write(`chat host: ${cluster.error}\n`);
				return EXIT_USAGE;
			}

			const {runHost} = await import('../host/run-host.js');
			// Through the host's writer: a stderr closed already must not stop it (EPIPE).
			const {outputLines} = await import('../host/output-lines.js');
			const say = outputLines(process.stderr);
			for (const note of access.notes) say(`chat host: ${note}`);
			const redis = cluster.redis === undefined ? {} : {redis: cluster.redis};
			const data = line.flags['data'];
			const dataDir = typeof data === 'string' && data !== '' ? data : undefined;
			return runHost({
				...line.options,
				...access.options,
				...redis,
				...(dataDir ? {dataDir} : {}),
			});
		}

		case 'join': {
			return startJoin(line.options);
		}

		case 'join-form': {
			// The form needs a person at a terminal; a script gets the usage error it always got.
			if (!(process.stdin.isTTY && process.stdout.isTTY)) {
				return sayUsageError(line.usage, meow(USAGE, {...MEOW_OPTIONS, argv: []}).help);
			}

			const {startJoinForm} = await import('./start-join-form.js');
			return startJoinForm(line.options);
		}

		case 'log': {
			const {runLog} = await import('../log/run-log.js');
			return runLog(line.options);
		}

		case 'names': {
			// A --data given reads that host's folder, whatever CHAT_REDIS_URL says.
			const cluster =
				line.dataDir === undefined
					? clusterFromFlags(line.flags, process.env)
					: {ok: true as const, redis: undefined};
			if (!cluster.ok) {
				process.stderr.write(`chat names: ${cluster.error}\n`);
				return EXIT_USAGE;
			}

			const {runNames} = await import('../host/run-names.js');
			return runNames({command: line.names, dataDir: line.dataDir, redis: cluster.redis});
		}
	}
}

function sayUsageError(sentence: string, help: string): number {
	process.stderr.write(`chat: ${sentence}\n${help}\n`);
	return EXIT_USAGE;
}
