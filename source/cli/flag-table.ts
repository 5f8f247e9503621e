// Every flag of `chat host` and `chat join`, once: where its help line goes (and so which
// commands take it), what it takes, its default and how its value is read. Both parsers and the
// help text read this table; it loads no parser, so the plain `chat join` path reads it too.

import {HOST_DEFAULTS} from '../host/host-options.js';
import {HOST_OWN_FDS, MAX_TCP_PORT} from '../protocol/limits.js';
import {PASSWORD_VARIABLE} from '../protocol/password-rules.js';
import {REDIS_URL_VARIABLE} from '../host/cluster/redis-url.js';
import type {Flag} from './flag-kinds.js';

const SECOND = 1000;
const KIB = 1024;
const DAY = 24 * 60 * 60 * SECOND;

/** In `chat --help` order within each block; `tls` comes after the join switches for both. */
export const FLAGS: readonly Flag[] = [
	{
		kind: 'number',
		key: 'port',
		option: 'port',
		unit: 'N',
		scale: 1,
		min: 0,
		max: MAX_TCP_PORT,
		integer: true,
		help: {limits: 'TCP port (default {default}; 0 picks a free one)'},
	},
	{
		kind: 'text',
		key: 'bind',
		unit: 'ADDRESS',
		default: HOST_DEFAULTS.bind,
		help: {limits: 'address to listen on (default {default}, every interface, IPv6 and IPv4)'},
	},
	{
		kind: 'number',
		key: 'maxPerAddress',
		option: 'maxPerAddress',
		unit: 'N',
		scale: 1,
		min: 0,
		integer: true,
		help: {limits: 'connections from one address (default {default}; 0: no cap)'},
	},
	{
		kind: 'number',
		key: 'loginRate',
		option: 'loginRate',
		unit: 'N',
		scale: 1,
		min: 0,
		integer: false,
		help: {limits: 'logins a second from one address (default {default}; 0: no limit)'},
	},
	{
		kind: 'number',
		key: 'loginBurst',
		option: 'loginBurst',
		unit: 'N',
		scale: 1,
		min: 1,
		integer: true,
		help: {limits: 'logins one address may make at once (default {default})'},
	},
	{
		kind: 'number',
		key: 'maxPreLogin',
		option: 'maxPreLogin',
		unit: 'N',
		scale: 1,
		min: 0,
		integer: true,
		help: {
			limits: 'connections not logged in yet, oldest dropped first (default {default}; 0: no cap)',
		},
	},
	{
		kind: 'number',
		key: 'maxConnections',
		option: 'maxConnections',
		unit: 'N',
		scale: 1,
		min: 0,
		integer: true,
		help: {
			limits: `connections at once (default: open-file limit less ${HOST_OWN_FDS}; 0: no limit)`,
		},
	},
	{
		kind: 'number',
		key: 'rate',
		option: 'rate',
		unit: 'N',
		scale: 1,
		min: 0,
		integer: false,
		help: {limits: 'lines a second per client (default {default}; 0: no limit)'},
	},
	{
		kind: 'number',
		key: 'burst',
		option: 'burst',
		unit: 'N',
		scale: 1,
		min: 1,
		integer: true,
		help: {limits: 'lines a client may send at once (default {default})'},
	},
	{
		kind: 'number',
		key: 'floodAfter',
		option: 'floodDisconnectMs',
		unit: 'S',
		scale: SECOND,
		min: 0.001,
		integer: false,
		help: {limits: 'seconds of flooding before a client is cut off (default {default})'},
	},
	{
		kind: 'number',
		key: 'loginTimeout',
		option: 'loginTimeoutMs',
		unit: 'S',
		scale: SECOND,
		min: 0.001,
		integer: false,
		help: {limits: 'seconds a connection has to log in (default {default})'},
	},
	{
		kind: 'number',
		key: 'pingAfter',
		option: 'pingAfterSilenceMs',
		unit: 'S',
		scale: SECOND,
		min: 0.001,
		integer: false,
		help: {limits: 'seconds of silence before a PING (default {default})'},
	},
	{
		kind: 'number',
		key: 'pongTimeout',
		option: 'pongTimeoutMs',
		unit: 'S',
		scale: SECOND,
		min: 0.001,
		integer: false,
		help: {limits: 'seconds to answer a PING (default {default})'},
	},
	{
		kind: 'number',
		key: 'resumeGrace',
		option: 'resumeGraceMs',
		unit: 'S',
		scale: SECOND,
		min: 0,
		integer: false,
		help: {limits: 'seconds a dropped user may come back (default {default})'},
	},
	{
		kind: 'number',
		key: 'maxQueue',
		option: 'maxOutboundBytes',
		unit: 'KIB',
		scale: KIB,
		min: 1,
		integer: true,
		help: {limits: 'KiB queued for a client that does not read (default {default})'},
	},
	{
		kind: 'number',
		key: 'maxHeld',
		option: 'maxHeldMessages',
		unit: 'N',
		scale: 1,
		min: 0,
		integer: true,
		help: {limits: 'messages held for an away user (default {default})'},
	},
	{
		kind: 'text',
		key: 'redis',
		unit: 'URL',
		help: {
			cluster: `be one of the hosts sharing this Redis (or set ${REDIS_URL_VARIABLE})`,
			names: `the Redis of the cluster whose names to read (or set ${REDIS_URL_VARIABLE})`,
		},
	},
	{
		kind: 'number',
		key: 'mailboxSize',
		option: 'maxStoredMessages',
		unit: 'N',
		scale: 1,
		min: 1,
		integer: true,
		help: {limits: 'messages kept for one person who is offline (default {default})'},
	},
	{
		kind: 'number',
		key: 'mailboxBytes',
		option: 'maxStoredBytes',
		unit: 'KIB',
		scale: KIB,
		min: 1,
		integer: true,
		help: {limits: 'KiB of text kept for one person who is offline (default {default})'},
	},
	{
		kind: 'number',
		key: 'messageExpiry',
		option: 'messageExpiryDays',
		unit: 'DAYS',
		scale: 1,
		min: 0.001,
		integer: false,
		help: {limits: 'days a message for someone offline is kept (default {default})'},
	},
	{
		kind: 'switch',
		key: 'follow',
		negatable: true,
		default: true,
		help: {join: 'do not switch to whoever wrote to you last'},
	},
	{
		kind: 'switch',
		key: 'bell',
		negatable: true,
		default: true,
		help: {join: 'do not ring the terminal bell when a message arrives'},
	},
	{
		kind: 'switch',
		key: 'history',
		negatable: true,
		default: true,
		help: {join: 'keep no history on this computer (see chat log)'},
	},
	{
		kind: 'text',
		key: 'historyDays',
		unit: 'N',
		help: {join: 'forget messages older than N days (default: keep them all)'},
	},
	{
		kind: 'switch',
		key: 'json',
		negatable: false,
		default: false,
		help: {log: 'print JSON lines instead of text'},
	},
	{
		kind: 'text',
		key: 'password',
		unit: 'P',
		help: {
			access: `clients must give this password (or set ${PASSWORD_VARIABLE}, which ps does not show)`,
		},
	},
	{
		kind: 'switch',
		key: 'tls',
		negatable: true,
		default: false,
		help: {
			access: 'serve TLS with a self-signed certificate, made once and kept',
			join: "connect over TLS; the host's certificate is pinned on first use",
		},
	},
	{
		kind: 'text',
		key: 'tlsCert',
		unit: 'FILE',
		help: {access: 'serve TLS with this PEM certificate (with --tls-key)'},
	},
	{
		kind: 'text',
		key: 'tlsKey',
		unit: 'FILE',
		help: {access: 'the PEM private key of --tls-cert'},
	},
	{
		kind: 'number',
		key: 'nameExpiry',
		option: 'nameExpiryMs',
		unit: 'DAYS',
		scale: DAY,
		min: 1,
		integer: true,
		help: {access: 'days an owned name may go unused before it is free again (default {default})'},
	},
	{
		kind: 'text',
		key: 'data',
		unit: 'DIR',
		// chat names takes it too: it is no command of the flag table, so no flag is misplaced there.
		help: {
			access:
				"where name owners, offline messages and the host's identity are kept (default: $XDG_STATE_HOME/chat)",
			names: 'the data folder of the host whose names to read (default: $XDG_STATE_HOME/chat)',
		},
	},
	{
		kind: 'switch',
		key: 'help',
		negatable: false,
		default: false,
		short: 'h',
		help: {general: 'show this help'},
	},
	{
		kind: 'switch',
		key: 'version',
		negatable: false,
		default: false,
		short: 'v',
		help: {general: 'show the version'},
	},
];

export const FLAG_BY_KEY: ReadonlyMap<string, Flag> = new Map(
	FLAGS.map((flag) => [flag.key, flag]),
);

/** The default as `chat --help` shows it, in the unit the user types; undefined when it has none. */
export function shownDefault(flag: Flag): string | undefined {
	if (flag.kind === 'number') {
		// --max-connections has none of its own: it follows the process's open-file limit.
		if (flag.option === 'maxConnections') return undefined;
		return String(HOST_DEFAULTS[flag.option] / flag.scale);
	}

	return flag.kind === 'text' ? flag.default : undefined;
}
