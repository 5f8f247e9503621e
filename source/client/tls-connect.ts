// `chat join --tls`: an OpenSocket over node:tls. Hosts use self-signed certificates, so there is
// no authority to ask; instead the certificate's fingerprint is pinned on first use
// (known-hosts.ts), and a changed one is refused with a warning.

import {isIP} from 'node:net';
import tls from 'node:tls';
import {formatHostLabel} from './closing-sentences.js';
import {
	addKnownHost,
	changedCertificateWarning,
	checkPin,
	knownHostKey,
	readKnownHosts,
} from './known-hosts.js';
import {CONNECT_TIMEOUT_MS, TLS_HANDSHAKE_TIMEOUT_MS} from './limits.js';
import type {HostAddress, OpenSocket} from './open-socket.js';

/** Our error code for a pinned certificate that changed; never retried. */
const CERTIFICATE_CHANGED = 'ECERTCHANGED';
/** Our error code for a host that does not finish a TLS handshake (it may not serve TLS). */
const TLS_HANDSHAKE_FAILED = 'ETLSHANDSHAKE';

/** A refusal that already is the sentence a person should read (`sentence`). */
type ExplainedError = Error & {code: string; sentence: string};

function explained(code: string, sentence: string): ExplainedError {
	return Object.assign(new Error(sentence), {code, sentence});
}

type TlsOpenOptions = {
	knownHostsFile: string;
	/** Told when a host is pinned for the first time, so the user can compare the fingerprint. */
	onPinned?: (key: string, fingerprint: string) => void;
};

export function createTlsOpenSocket(options: TlsOpenOptions): OpenSocket {
	return async (address) => {
		const socket = await handshake(address);
		// Until the session attaches its own listener, an error must not go unheard.
		let lateError: NodeJS.ErrnoException | undefined;
		const noteError = (error: NodeJS.ErrnoException) => {
			lateError ??= error;
		};

		socket.on('error', noteError);
		try {
			await checkPeer(socket, address, options);
		} catch (error: unknown) {
			socket.destroy();
			throw error;
		} finally {
			socket.off('error', noteError);
		}

		if (socket.destroyed) {
			throw lateError ?? Object.assign(new Error('connection closed'), {code: 'ECONNRESET'});
		}

		socket.setNoDelay(true);
		return socket;
	};
}

async function checkPeer(
	socket: tls.TLSSocket,
	address: HostAddress,
	options: TlsOpenOptions,
): Promise<void> {
	const fingerprint = socket.getPeerCertificate().fingerprint256;
	const key = knownHostKey(address);
	if (!fingerprint) {
		throw explained(TLS_HANDSHAKE_FAILED, `the host at ${key} sent no TLS certificate`);
	}

	const file = options.knownHostsFile;
	const check = checkPin(
		await knownHostsOrExplain(() => readKnownHosts(file), file),
		key,
		fingerprint,
	);
	if (check.kind === 'changed') {
		throw explained(
			CERTIFICATE_CHANGED,
			changedCertificateWarning(key, check.pinned, fingerprint, file),
		);
	}

	if (check.kind === 'new') {
		await knownHostsOrExplain(async () => addKnownHost(file, key, fingerprint), file);
		options.onPinned?.(key, fingerprint);
	}
}

async function handshake(address: HostAddress): Promise<tls.TLSSocket> {
	const {host, port} = address;
	return new Promise((resolve, reject) => {
		const socket = tls.connect({
			host,
			port,
			// Self-signed: the pin, not a certificate authority, says whether this is the host.
			rejectUnauthorized: false,
			// SNI takes names only; sending an IP address there is an error in some servers.
			servername: isIP(host) === 0 ? host : undefined,
			minVersion: 'TLSv1.2',
		});
		let connected = false;
		let timer = setTimeout(() => {
			fail(Object.assign(new Error('connect timed out'), {code: 'ETIMEDOUT'}));
		}, CONNECT_TIMEOUT_MS);
		const fail = (error: NodeJS.ErrnoException) => {
			clearTimeout(timer);
			socket.off('close', closedEarly);
			socket.destroy();
			reject(connected && isTlsFailure(error) ? handshakeError(address, error) : error);
		};

		// A host that closes during the handshake sends no error of its own.
		const closedEarly = () => {
			fail(Object.assign(new Error('closed during the TLS handshake'), {code: 'ECONNRESET'}));
		};

		socket.once('connect', () => {
			connected = true;
			clearTimeout(timer);
			timer = setTimeout(() => {
				fail(Object.assign(new Error('no TLS handshake'), {code: NO_HANDSHAKE}));
			}, TLS_HANDSHAKE_TIMEOUT_MS);
		});
		socket.once('error', fail);
		socket.once('close', closedEarly);
		socket.once('secureConnect', () => {
			clearTimeout(timer);
			socket.off('error', fail);
			socket.off('close', closedEarly);
			resolve(socket);
		});
	});
}

/** Our error code for a known_hosts file that cannot be read or written. */
const KNOWN_HOSTS_UNUSABLE = 'EKNOWNHOSTS';

async function knownHostsOrExplain<T>(work: () => Promise<T>, file: string): Promise<T> {
	try {
		return await work();
	} catch (error: unknown) {
		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		throw explained(KNOWN_HOSTS_UNUSABLE, `cannot use the known hosts file ${file} (${code})`);
	}
}

/** Our code for a host that took the TCP connection but never answered the TLS handshake. */
const NO_HANDSHAKE = 'ETLSTIMEDOUT';

/** The host spoke, but not TLS; a reset stays a reset, which a retry may cure. */
function isTlsFailure(error: NodeJS.ErrnoException): boolean {
	const code = error.code ?? '';
	return code === NO_HANDSHAKE || code === 'EPROTO' || code.startsWith('ERR_SSL_');
}

/** TCP worked but TLS did not: most likely a host started without --tls. */
function handshakeError(address: HostAddress, error: NodeJS.ErrnoException): ExplainedError {
	const label = formatHostLabel(address);
	return explained(
		TLS_HANDSHAKE_FAILED,
		`could not make a TLS connection to ${label} (${error.code ?? error.message}): ` +
			`is the host started with chat host --tls?`,
	);
}
