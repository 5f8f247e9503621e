// The `chat host` flags for the limits (docs/protocol.md "Limits"): one table gives each flag its
// option, unit, lower bound and help line, so the help text and the parser cannot disagree.

import {
	DEFAULT_BURST_LINES,
	DEFAULT_MAX_PER_ADDRESS,
	DEFAULT_MAX_PRE_LOGIN,
	DEFAULT_PORT,
	DEFAULT_RATE_LINES_PER_SECOND,
	FLOOD_DISCONNECT_MS,
	HOST_OWN_FDS,
	LOGIN_TIMEOUT_MS,
	MAX_HELD_MESSAGES,
	MAX_OUTBOUND_QUEUE_BYTES,
	PING_AFTER_SILENCE_MS,
	PONG_TIMEOUT_MS,
	RESUME_GRACE_MS,
} from '../protocol/limits.js';
import type {HostOptions} from './host-options.js';

type NumberOption = {
	[K in keyof HostOptions]-?: NonNullable<HostOptions[K]> extends number ? K : never;
}[keyof HostOptions];

type NumberFlag = {
	/** The flag as meow camel-cases it. */
	key: string;
	option: NumberOption;
	/** Multiplies what the user types into the option's unit (seconds to ms, KiB to bytes). */
	scale: number;
	min: number;
	integer: boolean;
	/** `--flag N` and its help sentence. */
	usage: string;
	help: string;
};

const SECOND = 1000;
const KIB = 1024;

export const HOST_NUMBER_FLAGS: readonly NumberFlag[] = [
	{
		key: 'port',
		option: 'port',
		scale: 1,
		min: 0,
		integer: true,
		usage: '--port N',
		help: `TCP port (default ${DEFAULT_PORT}; 0 picks a free one)`,
	},
	{
		key: 'maxPerAddress',
		option: 'maxPerAddress',
		scale: 1,
		min: 0,
		integer: true,
		usage: '--max-per-address N',
		help: `connections from one address (default ${DEFAULT_MAX_PER_ADDRESS}; 0: no cap)`,
	},
	{
		key: 'maxPreLogin',
		option: 'maxPreLogin',
		scale: 1,
		min: 0,
		integer: true,
		usage: '--max-pre-login N',
		help: `connections not logged in yet, oldest dropped first (default ${DEFAULT_MAX_PRE_LOGIN}; 0: no cap)`,
	},
	{
		key: 'maxConnections',
		option: 'maxConnections',
		scale: 1,
		min: 0,
		integer: true,
		usage: '--max-connections N',
		help: `connections at once (default: open-file limit less ${HOST_OWN_FDS}; 0: no limit)`,
	},
	{
		key: 'rate',
		option: 'rate',
		scale: 1,
		min: 0,
		integer: false,
		usage: '--rate N',
		help: `lines a second per client (default ${DEFAULT_RATE_LINES_PER_SECOND}; 0: no limit)`,
	},
	{
		key: 'burst',
		option: 'burst',
		scale: 1,
		min: 1,
		integer: true,
		usage: '--burst N',
		help: `lines a client may send at once (default ${DEFAULT_BURST_LINES})`,
	},
	{
		key: 'floodAfter',
		option: 'floodDisconnectMs',
		scale: SECOND,
		min: 0.001,
		integer: false,
		usage: '--flood-after S',
		help: `seconds of flooding before a client is cut off (default ${FLOOD_DISCONNECT_MS / SECOND})`,
	},
	{
		key: 'loginTimeout',
		option: 'loginTimeoutMs',
		scale: SECOND,
		min: 0.001,
		integer: false,
		usage: '--login-timeout S',
		help: `seconds a connection has to log in (default ${LOGIN_TIMEOUT_MS / SECOND})`,
	},
	{
		key: 'pingAfter',
		option: 'pingAfterSilenceMs',
		scale: SECOND,
		min: 0.001,
		integer: false,
		usage: '--ping-after S',
		help: `seconds of silence before a PING (default ${PING_AFTER_SILENCE_MS / SECOND})`,
	},
	{
		key: 'pongTimeout',
		option: 'pongTimeoutMs',
		scale: SECOND,
		min: 0.001,
		integer: false,
		usage: '--pong-timeout S',
		help: `seconds to answer a PING (default ${PONG_TIMEOUT_MS / SECOND})`,
	},
	{
		key: 'resumeGrace',
		option: 'resumeGraceMs',
		scale: SECOND,
		min: 0,
		integer: false,
		usage: '--resume-grace S',
		help: `seconds a dropped user may come back (default ${RESUME_GRACE_MS / SECOND})`,
	},
	{
		key: 'maxQueue',
		option: 'maxOutboundBytes',
		scale: KIB,
		min: 1,
		integer: true,
		usage: '--max-queue KIB',
		help: `KiB queued for a client that does not read (default ${MAX_OUTBOUND_QUEUE_BYTES / KIB})`,
	},
	{
		key: 'maxHeld',
		option: 'maxHeldMessages',
		scale: 1,
		min: 0,
		integer: true,
		usage: '--max-held N',
		help: `messages held for an away user (default ${MAX_HELD_MESSAGES})`,
	},
];

const WHOLE_NUMBER = /^-?\d+$/;
const DECIMAL_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The largest TCP port. */
const MAX_PORT = 65_535;

export type FlagsResult = {ok: true; options: HostOptions} | {ok: false; error: string};

/** Reads the limit flags (strings as typed, or undefined) into HostOptions, or one error sentence. */
export function hostOptionsFromFlags(flags: Record<string, unknown>): FlagsResult {
	const options: HostOptions = {};
	for (const flag of HOST_NUMBER_FLAGS) {
		const raw = flags[flag.key];
		if (raw === undefined) continue;
		const text = String(raw).trim();
		const value = Number(text);
		const name = flag.usage.split(' ')[0];
		const kind = flag.integer ? 'a whole number' : 'a number';
		// Digits as people write them: Number() alone would also take 0x10 and 1e3.
		if (!(flag.integer ? WHOLE_NUMBER : DECIMAL_NUMBER).test(text)) {
			return {ok: false, error: `${name} needs ${kind}, not '${String(raw)}'`};
		}

		if (value < flag.min || (flag.key === 'port' && value > MAX_PORT)) {
			const range = flag.key === 'port' ? `0 to ${MAX_PORT}` : `at least ${flag.min}`;
			return {ok: false, error: `${name} must be ${range}, not ${text}`};
		}

		// ms and bytes are whole; a rate may be a fraction of a line a second.
		options[flag.option] = flag.scale === 1 ? value : Math.round(value * flag.scale);
	}

	if (flags['bind'] !== undefined) {
		const bind = String(flags['bind']).trim();
		if (bind === '')
			return {ok: false, error: '--bind needs an address, for example --bind 127.0.0.1'};
		options.bind = bind;
	}

	return {ok: true, options};
}

/** The help lines for the flags above, aligned. */
export function hostFlagsHelp(indent: string): string[] {
	const rows = [...HOST_NUMBER_FLAGS.map((flag) => [flag.usage, flag.help] as const)];
	rows.splice(1, 0, ['--bind ADDRESS', 'address to listen on (default 0.0.0.0, every interface)']);
	const width = Math.max(...rows.map(([usage]) => usage.length)) + 2;
	return rows.map(([usage, help]) => indent + usage.padEnd(width) + help);
}
