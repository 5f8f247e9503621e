// The full command line of `chat` (cli.tsx takes a plain `chat join` without it). Usage errors
// are one sentence, the usage, and exit code 2; nothing a person types ends in a stack trace.

import process from 'node:process';
import meow from 'meow';
import {type FlagRule, type FlagTable, readFlags} from './read-flags.js';
import {accessFlagsHelp, hostAccessFromFlags} from './access-flags.js';
import {HOST_NUMBER_FLAGS, hostFlagsHelp, hostOptionsFromFlags} from './host-flags.js';
import {EXIT_USAGE} from '../exit-codes.js';
import {DEFAULT_PORT} from '../protocol/limits.js';
import {startJoin} from './start-join.js';

const USAGE = `
Usage
  $ chat host [options]             run the relay others join
  $ chat join NAME@HOST[:PORT]      chat as NAME through the relay at HOST (port ${DEFAULT_PORT})

Host options
${hostFlagsHelp('  ').join('\n')}

Who gets in (chat host)
${accessFlagsHelp('  ').join('\n')}

Join options
  --no-follow do not switch to whoever wrote to you last
  --no-bell   do not ring the terminal bell when a message arrives
  --tls       connect over TLS; the host's certificate is pinned on first use

  --help      show this help
  --version   show the version

Examples
  $ chat host
  $ chat join alice@192.168.1.7
  $ nc 192.168.1.7 ${DEFAULT_PORT}        (netcat works too: type your name first)
`;

const HOST_VALUE_FLAG_KEYS = [
	'bind',
	'password',
	'tlsCert',
	'tlsKey',
	...HOST_NUMBER_FLAGS.map((flag) => flag.key),
];
const FLAG_TABLE: FlagTable = new Map<string, FlagRule>([
	...HOST_VALUE_FLAG_KEYS.map((key): [string, FlagRule] => [
		key,
		{takesValue: true, negatable: false, commands: ['host']},
	]),
	['tls', {takesValue: false, negatable: true, commands: ['host', 'join']}],
	['follow', {takesValue: false, negatable: true, commands: ['join']}],
	['bell', {takesValue: false, negatable: true, commands: ['join']}],
	['help', {takesValue: false, negatable: false, commands: []}],
	['version', {takesValue: false, negatable: false, commands: []}],
]);

const MEOW_OPTIONS = {
	importMeta: import.meta,
	autoHelp: false,
	autoVersion: false,
	// readFlags has checked them, to answer with one sentence and the usage.
	allowUnknownFlags: true,
	flags: {
		...Object.fromEntries(HOST_VALUE_FLAG_KEYS.map((key) => [key, {type: 'string'}])),
		follow: {type: 'boolean', default: true},
		bell: {type: 'boolean', default: true},
		tls: {type: 'boolean'},
		help: {type: 'boolean', shortFlag: 'h'},
		version: {type: 'boolean', shortFlag: 'v'},
	},
} as const;

type Cli = ReturnType<typeof meow<typeof MEOW_OPTIONS.flags>>;

function usageError(sentence: string): never {
	const {help} = meow(USAGE, {...MEOW_OPTIONS, argv: []});
	process.stderr.write(`chat: ${sentence}\n${help}\n`);
	process.exit(EXIT_USAGE);
}

/** Meow's reading of a command line readFlags found sound; any throw it still has is a usage error. */
function parse(argv: readonly string[]): Cli {
	try {
		return meow(USAGE, {...MEOW_OPTIONS, argv: [...argv]});
	} catch (error: unknown) {
		return usageError(error instanceof Error ? error.message : String(error));
	}
}

export async function runCommandLine(argv = process.argv.slice(2)): Promise<number> {
	const read = readFlags(argv, FLAG_TABLE);
	// --help and --version answer whatever else the line holds, as git and ssh do.
	if (read.given.has('version') || read.given.has('help')) {
		const {pkg, help} = meow(USAGE, {...MEOW_OPTIONS, argv: []});
		process.stdout.write(read.given.has('version') ? `${pkg.version ?? ''}\n` : `${help}\n`);
		return 0;
	}

	if (read.problem !== undefined) usageError(read.problem);
	const cli = parse(argv);
	const [command, ...rest] = cli.input;

	switch (command) {
		case 'host': {
			if (rest.length > 0) usageError(`chat host takes no arguments, not '${rest.join(' ')}'`);
			const parsed = hostOptionsFromFlags(cli.flags);
			if (!parsed.ok) usageError(parsed.error);
			const access = await hostAccessFromFlags(cli.flags, process.env);
			if (!access.ok) {
				process.stderr.write(`chat host: ${access.error}\n`);
				return EXIT_USAGE;
			}

			for (const note of access.notes) process.stderr.write(`chat host: ${note}\n`);
			const {runHost} = await import('../host/run-host.js');
			return runHost({...parsed.options, ...access.options});
		}

		case 'join': {
			const [address, ...extra] = rest;
			if (address === undefined)
				usageError('chat join needs NAME@HOST, for example alice@localhost');
			if (extra.length > 0) usageError(`chat join takes one address, not '${rest.join(' ')}'`);
			return startJoin({
				address,
				follow: cli.flags.follow ?? true,
				bell: cli.flags.bell ?? true,
				tls: cli.flags.tls ?? false,
			});
		}

		case undefined: {
			return usageError('say which command: chat host, or chat join NAME@HOST');
		}

		default: {
			return usageError(`unknown command '${command}'`);
		}
	}
}
