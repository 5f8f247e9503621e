// One connection to the host, from connect to its end: open the socket, log in (HELLO, then
// WELCOME + roster), take later roster snapshots, answer and send keepalive pings, and report
// exactly one outcome.
import type {TLSSocket} from 'node:tls';
import {encodeHello, encodeProve, type HelloOptions} from '../protocol/client-lines.js';
import {
	encodePing,
	encodePong,
	parseHostLine,
	type HostLine,
	type Pacing,
} from '../protocol/host-lines.js';
import {PROTOCOL_VERSION} from '../protocol/limits.js';
import type {AnswerChallenge} from './challenge-answer.js';
import {startLivenessPing, type LivenessPing, type KeepaliveTimings} from './liveness-ping.js';
import {attachLineConnection, type LineConnection} from './line-connection.js';
import type {HostAddress, OpenSocket} from './open-socket.js';
import {NO_LOGIN_ANSWER} from './reconnect-policy.js';

export type Login = {
	name: string;
	users: string[];
	/** The key fingerprint of each user who has one (the roster's KEY lines). */
	keys: Map<string, string>;
	resumeToken: string;
	graceSeconds: number;
	/** The host's line rate; undefined from an old host, which reads no message options either. */
	pacing?: Pacing;
};

/** Our error code for a host whose identity is not the one we expect: never retried. */
const HOST_ID_REFUSED = 'EHOSTID';

/** A TLS socket says so (`encrypted`); a plain one has no such property. */
function isTlsSocket(socket: object): socket is TLSSocket {
	return (socket as Partial<TLSSocket>).encrypted === true;
}

export type ConnectionOutcome =
	/** The socket failed or ended, or the host went silent; `errorCode` says why when known. */
	| {kind: 'lost'; errorCode: string | undefined; sentence?: string}
	| {kind: 'refused'; code: string; reason: string}
	| {kind: 'bye'; code: string; reason: string};

type HostConnectionOptions = {
	address: HostAddress;
	openSocket: OpenSocket;
	hello: HelloOptions;
	/** Signs the host's CHALLENGE (sent when `hello.key` is). */
	answerChallenge?: AnswerChallenge;
	keepalive: KeepaliveTimings;
	loginAnswerTimeoutMs: number;
};

type HostConnectionHandlers = {
	onLogin(login: Login): void;
	/** A roster snapshot after the login: who is online now (docs/protocol.md "Host → client"). */
	onRoster(users: string[], keys: Map<string, string>): void;
	/** Every other line (messages, results, presence, errors). */
	onLine(line: HostLine): void;
	/** Called once; the connection is closed by then. */
	onOutcome(outcome: ConnectionOutcome): void;
};

export type HostConnection = {
	/** Writes a line if connected (before the login too; callers wait for `onLogin`). */
	send(line: string): void;
	/** Ends the connection without an outcome (the client is closing for good). */
	abandon(): void;
};

export function openHostConnection(
	options: HostConnectionOptions,
	handlers: HostConnectionHandlers,
): HostConnection {
	let finished = false;
	let lines: LineConnection | undefined;
	let keepalive: LivenessPing | undefined;
	let pendingLogin: Omit<Login, 'users' | 'keys'> | undefined;
	let tlsFingerprint: string | undefined;
	const roster: string[] = [];
	const keys = new Map<string, string>();
	/** Between a roster's first USERS line and its USERS-END. */
	let inRoster = false;
	const loginTimer = setTimeout(() => {
		finish({kind: 'lost', errorCode: NO_LOGIN_ANSWER});
	}, options.loginAnswerTimeoutMs);

	const close = () => {
		finished = true;
		clearTimeout(loginTimer);
		keepalive?.stop();
		lines?.destroy();
	};

	const finish = (outcome: ConnectionOutcome) => {
		if (finished) return;
		close();
		handlers.onOutcome(outcome);
	};

	const receive = (text: string) => {
		if (finished) return;
		keepalive?.heard();
		const line = parseHostLine(text);
		switch (line.kind) {
			case 'welcome': {
				pendingLogin = {
					name: line.name,
					resumeToken: line.resumeToken,
					graceSeconds: line.graceSeconds,
				};
				if (line.pacing !== undefined) pendingLogin.pacing = line.pacing;
				roster.length = 0;
				keys.clear();
				inRoster = true;
				break;
			}

			case 'users': {
				// A USERS line after a complete roster starts a snapshot.
				if (!inRoster) {
					roster.length = 0;
					keys.clear();
				}

				inRoster = true;
				roster.push(...line.names);
				break;
			}

			case 'key': {
				// In a roster it belongs to the roster; after a JOIN it is news.
				if (inRoster) keys.set(line.name, line.fingerprint);
				else handlers.onLine(line);
				break;
			}

			case 'challenge': {
				answer(line.hostId, line.nonce);
				break;
			}

			case 'users-end': {
				inRoster = false;
				if (pendingLogin === undefined) break;
				if (keepalive !== undefined) {
					handlers.onRoster([...roster], new Map(keys));
					break;
				}

				clearTimeout(loginTimer);
				keepalive = startLivenessPing(
					options.keepalive,
					(token) => lines?.send(encodePing(token)),
					() => {
						finish({kind: 'lost', errorCode: 'ETIMEDOUT'});
					},
				);
				handlers.onLogin({...pendingLogin, users: [...roster], keys: new Map(keys)});
				break;
			}

			case 'ping': {
				lines?.send(encodePong(line.token));
				break;
			}

			case 'pong': {
				break;
			}

			case 'refused':
			case 'bye': {
				finish({kind: line.kind, code: line.code, reason: line.reason});
				break;
			}

			default: {
				handlers.onLine(line);
			}
		}
	};

	const answer = (hostId: string, nonce: string) => {
		const {answerChallenge} = options;
		if (answerChallenge === undefined || pendingLogin !== undefined) {
			finish({
				kind: 'lost',
				errorCode: 'EPROTO',
				sentence: 'the host sent a challenge nobody asked for',
			});
			return;
		}

		const {address, hello} = options;
		void answerChallenge({address, name: hello.name, hostId, nonce, tlsFingerprint}).then(
			(result) => {
				if ('signature' in result) lines?.send(encodeProve(result.signature));
				else finish({kind: 'lost', errorCode: HOST_ID_REFUSED, sentence: result.sentence});
			},
		);
	};

	options.openSocket(options.address).then(
		(socket) => {
			if (finished) {
				socket.destroy();
				return;
			}

			// Over TLS the host identity to sign is the certificate this handshake showed.
			// Told by the socket itself: a plain join never loads node:tls (run-join.tsx).
			if (isTlsSocket(socket)) tlsFingerprint = socket.getPeerCertificate().fingerprint256;
			lines = attachLineConnection(socket, receive, ({errorCode}) => {
				finish({kind: 'lost', errorCode});
			});
			lines.send(encodeHello(PROTOCOL_VERSION, options.hello));
		},
		(error: NodeJS.ErrnoException) => {
			// An opener may explain itself (a changed TLS certificate): `sentence` is for the user.
			const {sentence} = error as {sentence?: string};
			finish({kind: 'lost', errorCode: error.code, sentence});
		},
	);

	return {
		send(line) {
			if (!finished) lines?.send(line);
		},
		abandon: close,
	};
}
