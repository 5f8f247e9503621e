// The host's TLS certificate and key (docs/protocol.md "TLS"): from files the user names, or a
// self-signed pair made on first use and kept in the config dir, so its fingerprint (what clients
// pin) stays the same across restarts.

import {X509Certificate, createPrivateKey} from 'node:crypto';
import {chmod, mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';

export type TlsCredentials = {
	/** PEM. */
	cert: string;
	/** PEM. */
	key: string;
	/** SHA-256 of the certificate, `AB:CD:…`, as clients show and pin it. */
	fingerprint: string;
};

/** A problem a person can fix; the message is one sentence. */
export class TlsSetupError extends Error {}

/** The file names in the config dir. */
export const SELF_SIGNED_CERT_FILE = 'tls-cert.pem';
export const SELF_SIGNED_KEY_FILE = 'tls-key.pem';

/** Clients pin the certificate rather than trusting a date, so it is made to last. */
const SELF_SIGNED_VALID_YEARS = 20;

/** Loads `--tls-cert` and `--tls-key`, and checks that they belong together. */
export async function loadTlsFiles(certFile: string, keyFile: string): Promise<TlsCredentials> {
	const cert = await readPem(certFile, 'certificate');
	const key = await readPem(keyFile, 'key');
	return checkPair(cert, key, certFile, keyFile);
}

/** The self-signed pair in `dir`, made there (files readable by the owner only) if missing. */
export async function selfSignedCredentials(
	dir: string,
): Promise<TlsCredentials & {created: boolean}> {
	const certFile = path.join(dir, SELF_SIGNED_CERT_FILE);
	const keyFile = path.join(dir, SELF_SIGNED_KEY_FILE);
	const cert = await readIfThere(certFile);
	const key = await readIfThere(keyFile);
	if (cert !== undefined && key !== undefined) {
		return {...checkPair(cert, key, certFile, keyFile), created: false};
	}

	if (cert !== undefined || key !== undefined) {
		const missing = cert === undefined ? certFile : keyFile;
		throw new TlsSetupError(
			`${missing} is missing: delete the other file in ${dir} to make a new certificate`,
		);
	}

	const made = await makeSelfSigned();
	await mkdir(dir, {recursive: true, mode: 0o700});
	// Written aside and renamed, so a host stopped halfway never leaves half a file.
	await writePrivate(keyFile, made.key);
	await writePrivate(certFile, made.cert);
	return {...checkPair(made.cert, made.key, certFile, keyFile), created: true};
}

async function makeSelfSigned(): Promise<{cert: string; key: string}> {
	const now = new Date();
	const until = new Date(now);
	until.setFullYear(now.getFullYear() + SELF_SIGNED_VALID_YEARS);
	// Loaded only here: it is large, and every other start of `chat` does without it.
	const {generate} = await import('selfsigned');
	const made = await generate([{name: 'commonName', value: 'chat host'}], {
		keyType: 'ec',
		curve: 'P-256',
		algorithm: 'sha256',
		notBeforeDate: now,
		notAfterDate: until,
	});
	return {cert: made.cert, key: made.private};
}

async function writePrivate(file: string, text: string): Promise<void> {
	const aside = `${file}.${process.pid}.tmp`;
	await writeFile(aside, text, {mode: 0o600});
	// The mode given to writeFile is masked by the umask; this one is not.
	await chmod(aside, 0o600);
	await rename(aside, file);
}

function checkPair(cert: string, key: string, certFile: string, keyFile: string): TlsCredentials {
	let certificate: X509Certificate;
	try {
		certificate = new X509Certificate(cert);
	} catch {
		throw new TlsSetupError(`${certFile} does not hold a PEM certificate`);
	}

	let privateKey: ReturnType<typeof createPrivateKey>;
	try {
		privateKey = createPrivateKey(key);
	} catch {
		throw new TlsSetupError(`${keyFile} does not hold a PEM private key without a passphrase`);
	}

	if (!certificate.checkPrivateKey(privateKey)) {
		throw new TlsSetupError(
			`the key in ${keyFile} does not belong to the certificate in ${certFile}`,
		);
	}

	return {cert, key, fingerprint: certificate.fingerprint256};
}

async function readPem(file: string, what: string): Promise<string> {
	try {
		return await readFile(file, 'utf8');
	} catch (error: unknown) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'ENOENT'
				? 'there is no such file'
				: code === 'EACCES'
					? 'permission denied'
					: String(code);
		throw new TlsSetupError(`cannot read the TLS ${what} ${file}: ${why}`);
	}
}

async function readIfThere(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw new TlsSetupError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
	}
}
