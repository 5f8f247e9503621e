// Who this host is, for the identity proof (docs/protocol.md "Identity"): a client signs it, so a
// proof made for one host is no good on another. Over TLS it is the certificate's fingerprint,
// which the client checks itself; otherwise a random id, kept in the data folder when there is
// one so that it stays the same across restarts (and `chat host` keeps it in its state folder).

import {randomBytes, X509Certificate} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** 16 random bytes: no two hosts ever pick the same id. */
const HOST_ID_BYTES = 16;

const HOST_ID_FILE = 'host-id';

/** A fresh id, for a host that keeps nothing (it changes with every start). */
export function randomHostIdentity(): string {
	return randomBytes(HOST_ID_BYTES).toString('base64url');
}

/** A TLS host's identity: its certificate's SHA-256 fingerprint, as the client's pin reads it. */
export function tlsHostIdentity(certPem: string): string {
	return new X509Certificate(certPem).fingerprint256;
}

/**
 * The id kept in `dir` (the host's data folder), made on first use: written to a temporary file
 * and renamed, so a crash never leaves half an id. Throws one sentence if it cannot.
 */
export function readHostIdentity(dir: string): string {
	const file = path.join(dir, HOST_ID_FILE);
	try {
		const kept = fs.readFileSync(file, 'utf8').trim();
		if (/^[\w-]{16,64}$/.test(kept)) return kept;
		throw new Error(`the host identity in ${file} is damaged; delete it to make a new one`);
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw explain(error, file);
	}

	const id = randomHostIdentity();
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		fs.mkdirSync(dir, {recursive: true, mode: 0o700});
		fs.writeFileSync(temporary, id + '\n', {mode: 0o600});
		// A link never replaces a file: of two hosts starting at once, one id wins and both use it.
		fs.linkSync(temporary, file);
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readHostIdentity(dir);
		throw explain(error, file);
	} finally {
		fs.rmSync(temporary, {force: true});
	}

	return id;
}

function explain(error: unknown, file: string): Error {
	const {code} = error as NodeJS.ErrnoException;
	if (code === undefined && error instanceof Error) return error;
	return new Error(`cannot keep the host identity in ${file} (${code ?? String(error)})`);
}
