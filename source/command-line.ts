// The full command line of `chat` (cli.tsx takes a plain `chat join` without it). Usage errors
// are one sentence, the usage, and exit code 2; nothing a person types ends in a stack trace.

import process from 'node:process';
import meow from 'meow';
import {ACCESS_FLAG_KEYS, accessFlagsHelp, hostAccessFromFlags} from './host/access-flags.js';
import {HOST_NUMBER_FLAGS, hostFlagsHelp, hostOptionsFromFlags} from './host/host-flags.js';
import {DEFAULT_PORT} from './protocol/limits.js';
import {startJoin} from './start-join.js';

/** Exit code for a command line that cannot work. */
const EXIT_USAGE = 2;

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

const HOST_FLAG_KEYS = new Set([
	'bind',
	...HOST_NUMBER_FLAGS.map((flag) => flag.key),
	...ACCESS_FLAG_KEYS,
]);
const JOIN_FLAG_KEYS = new Set(['follow', 'bell', 'tls']);
const COMMON_FLAG_KEYS = new Set(['help', 'version']);

const cli = meow(USAGE, {
	importMeta: import.meta,
	autoHelp: false,
	autoVersion: false,
	// Checked below, to answer with one sentence and the usage.
	allowUnknownFlags: true,
	flags: {
		...Object.fromEntries(HOST_NUMBER_FLAGS.map((flag) => [flag.key, {type: 'string'}])),
		bind: {type: 'string'},
		follow: {type: 'boolean', default: true},
		bell: {type: 'boolean', default: true},
		tls: {type: 'boolean'},
		password: {type: 'string'},
		tlsCert: {type: 'string'},
		tlsKey: {type: 'string'},
		help: {type: 'boolean', shortFlag: 'h'},
		version: {type: 'boolean', shortFlag: 'v'},
	},
});

function usageError(sentence: string): never {
	process.stderr.write(`chat: ${sentence}\n${cli.help}\n`);
	process.exit(EXIT_USAGE);
}

function kebab(key: string): string {
	return '--' + key.replaceAll(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

/** The flags as typed (camel-cased, without `no-`), up to a `--`; meow fills in defaults, so it cannot tell. */
function givenFlags(argv: readonly string[]): string[] {
	const keys: string[] = [];
	for (const token of argv) {
		if (token === '--') break;
		if (!token.startsWith('-') || /^-\d/.test(token)) continue;
		if (token.startsWith('--')) {
			const name = token.slice(2).split('=')[0]?.replace(/^no-/, '') ?? '';
			keys.push(name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()));
		} else {
			keys.push(...token.slice(1));
		}
	}

	return keys;
}

/** Every flag given must exist and belong to the command. */
function checkFlags(command: string, allowed: Set<string>): void {
	for (const key of givenFlags(process.argv.slice(2))) {
		if (COMMON_FLAG_KEYS.has(key) || key === 'h' || key === 'v') continue;
		const known = HOST_FLAG_KEYS.has(key) || JOIN_FLAG_KEYS.has(key);
		if (!known) usageError(`unknown flag ${key.length === 1 ? '-' + key : kebab(key)}`);
		if (!allowed.has(key)) usageError(`${kebab(key)} is not an option of chat ${command}`);
	}
}

export async function runCommandLine(): Promise<number> {
	const [command, ...rest] = cli.input;
	if (cli.flags.version) {
		process.stdout.write(`${cli.pkg.version ?? ''}\n`);
		return 0;
	}

	if (cli.flags.help) {
		process.stdout.write(`${cli.help}\n`);
		return 0;
	}

	switch (command) {
		case 'host': {
			checkFlags('host', HOST_FLAG_KEYS);
			if (rest.length > 0) usageError(`chat host takes no arguments, not '${rest.join(' ')}'`);
			const parsed = hostOptionsFromFlags(cli.flags);
			if (!parsed.ok) usageError(parsed.error);
			const access = await hostAccessFromFlags(cli.flags, process.env);
			if (!access.ok) {
				process.stderr.write(`chat host: ${access.error}\n`);
				return EXIT_USAGE;
			}

			for (const note of access.notes) process.stderr.write(`chat host: ${note}\n`);
			const {runHost} = await import('./host/run-host.js');
			return runHost({...parsed.options, ...access.options});
		}

		case 'join': {
			checkFlags('join', JOIN_FLAG_KEYS);
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
