// What `startHost` can be told. Every limit defaults to its constant in protocol/limits.ts;
// tests shorten the timers, and `chat host` flags change any of them.

import type {Server, Socket} from 'node:net';
import {
	DEFAULT_BURST_LINES,
	DEFAULT_MAX_PER_ADDRESS,
	DEFAULT_MAX_PRE_LOGIN,
	DEFAULT_PORT,
	DEFAULT_RATE_LINES_PER_SECOND,
	FLOOD_DISCONNECT_MS,
	LOGIN_TIMEOUT_MS,
	MAX_HELD_MESSAGES,
	MAX_OUTBOUND_QUEUE_BYTES,
	PASSWORD_FAILURE_DELAY_MS,
	PASSWORD_FAILURE_MAX_DELAY_MS,
	PING_AFTER_SILENCE_MS,
	PONG_TIMEOUT_MS,
	RESUME_GRACE_MS,
} from '../protocol/limits.js';
import {connectionsForOpenFiles, readOpenFileLimit} from './open-file-limit.js';

export type HostOptions = {
	/** TCP port; 0 picks a free one (tests). Default DEFAULT_PORT. */
	port?: number;
	/** Address to listen on. Default '0.0.0.0'. */
	bind?: string;
	/** Connections from one address; 0 = no cap. */
	maxPerAddress?: number;
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
	/** Serve TLS with this PEM certificate and key (source/host/tls-credentials.ts loads them). */
	tls?: {cert: string; key: string};
	/** Makes the listening server (e.g. a `node:tls` server); default `net.createServer`. */
	createServer?: (onConnection: (socket: Socket) => void) => Server;
	/** One line per login, logout and refused connection; never message content. */
	log?: (line: string) => void;
};

export type HostSettings = Required<Omit<HostOptions, 'password' | 'createServer' | 'tls'>> &
	Pick<HostOptions, 'password' | 'createServer' | 'tls'>;

export function resolveHostOptions(options: HostOptions): HostSettings {
	return {
		port: options.port ?? DEFAULT_PORT,
		bind: options.bind ?? '0.0.0.0',
		maxPerAddress: options.maxPerAddress ?? DEFAULT_MAX_PER_ADDRESS,
		maxPreLogin: options.maxPreLogin ?? DEFAULT_MAX_PRE_LOGIN,
		maxConnections: options.maxConnections ?? connectionsForOpenFiles(readOpenFileLimit()),
		rate: options.rate ?? DEFAULT_RATE_LINES_PER_SECOND,
		burst: options.burst ?? DEFAULT_BURST_LINES,
		floodDisconnectMs: options.floodDisconnectMs ?? FLOOD_DISCONNECT_MS,
		loginTimeoutMs: options.loginTimeoutMs ?? LOGIN_TIMEOUT_MS,
		pingAfterSilenceMs: options.pingAfterSilenceMs ?? PING_AFTER_SILENCE_MS,
		pongTimeoutMs: options.pongTimeoutMs ?? PONG_TIMEOUT_MS,
		resumeGraceMs: options.resumeGraceMs ?? RESUME_GRACE_MS,
		maxOutboundBytes: options.maxOutboundBytes ?? MAX_OUTBOUND_QUEUE_BYTES,
		maxHeldMessages: options.maxHeldMessages ?? MAX_HELD_MESSAGES,
		password: options.password,
		passwordFailureDelayMs: options.passwordFailureDelayMs ?? PASSWORD_FAILURE_DELAY_MS,
		passwordFailureMaxDelayMs: options.passwordFailureMaxDelayMs ?? PASSWORD_FAILURE_MAX_DELAY_MS,
		tls: options.tls,
		createServer: options.createServer,
		log: options.log ?? ignoreLog,
	};
}

function ignoreLog(): void {}
