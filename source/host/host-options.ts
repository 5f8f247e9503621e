// What `startHost` can be told. Every limit defaults to its constant in protocol/limits.ts;
// tests shorten the timers, and `chat host` flags change any of them.

import type {Server, Socket} from 'node:net';
import {
	DEFAULT_BURST_LINES,
	DEFAULT_LOGIN_BURST,
	DEFAULT_LOGIN_RATE_PER_SECOND,
	DEFAULT_MAX_PER_ADDRESS,
	DEFAULT_MAX_PRE_LOGIN,
	DEFAULT_PORT,
	DEFAULT_RATE_LINES_PER_SECOND,
	FLOOD_DISCONNECT_MS,
	LOGIN_TIMEOUT_MS,
	MAX_HELD_MESSAGES,
	MAX_OUTBOUND_QUEUE_BYTES,
	NAME_EXPIRY_MS,
	PASSWORD_FAILURE_DELAY_MS,
	PASSWORD_FAILURE_MAX_DELAY_MS,
	PING_AFTER_SILENCE_MS,
	PONG_TIMEOUT_MS,
	RESUME_GRACE_MS,
} from '../protocol/limits.js';
import {CLUSTER_HOST_TTL_MS} from './cluster/cluster-limits.js';
import {EVERY_INTERFACE} from './listen-address.js';
import {connectionsForOpenFiles, readOpenFileLimit} from './open-file-limit.js';
import type {NameOwners} from './relay/name-owners.js';
import type {DurableStore} from './store/durable-store.js';
import {
	DEFAULT_MAILBOX_BYTES,
	DEFAULT_MAILBOX_MESSAGES,
	DEFAULT_MESSAGE_EXPIRY_DAYS,
} from './store/store-limits.js';

export type HostOptions = {
	/** TCP port; 0 picks a free one (tests). */
	port?: number;
	/** Address to listen on; `::` (the default) is every interface, IPv6 and IPv4. */
	bind?: string;
	/** Connections from one address; 0 = no cap. */
	maxPerAddress?: number;
	/** Logins per second from one address (or IPv6 /64); 0 = no limit. */
	loginRate?: number;
	/** Logins one address may make at once before the login rate applies. */
	loginBurst?: number;
	/** Connections not logged in yet, host-wide; past it the oldest is dropped. 0 = no cap. */
	maxPreLogin?: number;
	/** Sockets open at once; default: what the open-file limit leaves (open-file-limit.ts). 0 = no budget. */
	maxConnections?: number;
	/** Lines per second per client; 0 = no limit. */
	rate?: number;
	/** Lines a client may send at once before the rate applies. */
	burst?: number;
	/** How long lines may keep waiting on the rate limit before the client is cut off for flooding. */
	floodDisconnectMs?: number;
	loginTimeoutMs?: number;
	pingAfterSilenceMs?: number;
	pongTimeoutMs?: number;
	resumeGraceMs?: number;
	/** Outbound queue per client, in bytes. */
	maxOutboundBytes?: number;
	/** Messages held for one away user. */
	maxHeldMessages?: number;
	/** A shared secret clients must send before their name (docs/protocol.md "Password"). */
	password?: string;
	/** The wait before the next check after a wrong password from an address; doubles per failure. */
	passwordFailureDelayMs?: number;
	passwordFailureMaxDelayMs?: number;
	/** Serve TLS with this PEM certificate and key (tls/tls-credentials.ts loads them). */
	tls?: {cert: string; key: string};
	/** Makes the listening server (e.g. a `node:tls` server); default `net.createServer`. */
	createServer?: (onConnection: (socket: Socket) => void) => Server;
	/** Join the cluster of hosts sharing this Redis (redis://HOST:PORT[/DB], docs/cluster.md). */
	redis?: string;
	/** A cluster host's lease: a host killed this long ago has its users leave and names freed. */
	clusterHostTtlMs?: number;
	/** One line per login, logout and refused connection; never message content. */
	log?: (line: string) => void;
	/** The opened store (run-host.ts opens `--data`): held and stored messages, name owners.
	 * Without one the host keeps everything in memory, and keeps no mail for anyone offline. */
	store?: DurableStore;
	/** Who owns which name (docs/protocol.md "Identity"); default: the store's, else in memory. */
	owners?: NameOwners;
	/** Messages kept for one offline owner (`--mailbox-size`); past it `FAILED mailbox-full`. */
	maxStoredMessages?: number;
	/** Bytes of text kept for one offline owner (`--mailbox-bytes`). */
	maxStoredBytes?: number;
	/** Days a message for someone offline is kept (`--message-expiry`). */
	messageExpiryDays?: number;
	/** What clients sign over plain TCP (host-identity.ts); a fresh random id unless given. Over
	 * TLS the certificate's fingerprint is used instead. */
	hostIdentity?: string;
	/** A name unused this long is released (checked daily and at start). */
	nameExpiryMs?: number;
	/** The host's clock for message times, name ownership and expiry (tests move it). */
	now?: () => number;
};

/** Options with no default value of their own: absent means none, or start-host.ts makes what
 * stands for them. */
type OptionalSetting =
	'password' | 'createServer' | 'tls' | 'store' | 'owners' | 'redis' | 'hostIdentity';

export type HostSettings = Required<Omit<HostOptions, OptionalSetting>> &
	Pick<HostOptions, OptionalSetting>;

/** What the host does when not told otherwise; `chat host --help` shows these. Not
 * maxConnections: it follows the open-file limit of the process that runs the host. */
export const HOST_DEFAULTS = {
	port: DEFAULT_PORT,
	bind: EVERY_INTERFACE,
	maxPerAddress: DEFAULT_MAX_PER_ADDRESS,
	loginRate: DEFAULT_LOGIN_RATE_PER_SECOND,
	loginBurst: DEFAULT_LOGIN_BURST,
	maxPreLogin: DEFAULT_MAX_PRE_LOGIN,
	rate: DEFAULT_RATE_LINES_PER_SECOND,
	burst: DEFAULT_BURST_LINES,
	floodDisconnectMs: FLOOD_DISCONNECT_MS,
	loginTimeoutMs: LOGIN_TIMEOUT_MS,
	pingAfterSilenceMs: PING_AFTER_SILENCE_MS,
	pongTimeoutMs: PONG_TIMEOUT_MS,
	resumeGraceMs: RESUME_GRACE_MS,
	maxOutboundBytes: MAX_OUTBOUND_QUEUE_BYTES,
	maxHeldMessages: MAX_HELD_MESSAGES,
	passwordFailureDelayMs: PASSWORD_FAILURE_DELAY_MS,
	passwordFailureMaxDelayMs: PASSWORD_FAILURE_MAX_DELAY_MS,
	clusterHostTtlMs: CLUSTER_HOST_TTL_MS,
	maxStoredMessages: DEFAULT_MAILBOX_MESSAGES,
	maxStoredBytes: DEFAULT_MAILBOX_BYTES,
	messageExpiryDays: DEFAULT_MESSAGE_EXPIRY_DAYS,
	nameExpiryMs: NAME_EXPIRY_MS,
} as const satisfies Omit<HostSettings, OptionalSetting | 'log' | 'maxConnections' | 'now'>;

/** Every setting as given, else its default; one given as undefined counts as not given. */
export function resolveHostOptions(options: HostOptions): HostSettings {
	return {
		...HOST_DEFAULTS,
		...givenOptions(options),
		// Read only when not given: it asks /proc.
		maxConnections: options.maxConnections ?? connectionsForOpenFiles(readOpenFileLimit()),
		log: options.log ?? ignoreLog,
		now: options.now ?? Date.now,
	};
}

/** The options that have a value: spread over the defaults, an undefined one would hide its default. */
function givenOptions(options: HostOptions): HostOptions {
	return Object.fromEntries(
		Object.entries(options).filter(([, value]) => value !== undefined),
	) as HostOptions;
}

function ignoreLog(): void {}
