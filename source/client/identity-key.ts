// The client's identity (docs/protocol.md "Identity"): one Ed25519 key pair, made on the first
// `chat join` and kept in the config folder, readable by its owner only. Whoever holds this file
// is the owner of the names it has logged in with, as with an ssh key.

import {
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	type KeyObject,
} from 'node:crypto';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {chatConfigDir} from '../config-dir.js';
import {keyFingerprint} from '../protocol/key-fingerprint.js';

const IDENTITY_FILE = 'identity';

export function defaultIdentityPath(): string {
	return path.join(chatConfigDir(), IDENTITY_FILE);
}

export type Identity = {
	/** The raw public key in unpadded base64url, as `HELLO key=` carries it. */
	readonly publicKey: string;
	/** `SHA256:…` of the raw public key (protocol/key-fingerprint.ts). */
	readonly fingerprint: string;
	/** The signature of `payload`, in unpadded base64url. */
	sign(payload: Buffer): string;
};

/** A key file that cannot be read or used: `message` is the sentence for the user. */
export class IdentityError extends Error {
	override name = 'IdentityError';
}

function identityOf(privateKey: KeyObject): Identity {
	const jwk = createPublicKey(privateKey).export({format: 'jwk'});
	const publicKey = jwk.x ?? '';
	return {
		publicKey,
		fingerprint: keyFingerprint(Buffer.from(publicKey, 'base64url')),
		sign: (payload) => sign(null, payload, privateKey).toString('base64url'),
	};
}

/** Parses a kept key file; a file that is not an Ed25519 private key is damaged. */
function parseKey(text: string, file: string): Identity {
	let key: KeyObject;
	try {
		key = createPrivateKey({key: text, format: 'pem'});
	} catch {
		throw damaged(file);
	}

	if (key.asymmetricKeyType !== 'ed25519') throw damaged(file);
	return identityOf(key);
}

function damaged(file: string): IdentityError {
	return new IdentityError(
		`the identity file ${file} is damaged, so chat did not make a new key: restore it from a copy, or delete it to start over (names it owns are then lost)`,
	);
}

/**
 * The identity kept in `file`, made if there is none: written to a temporary file (mode 0600, its
 * folder 0700) and renamed into place, so a crash never leaves half a key. A file that exists but
 * cannot be read or parsed is an IdentityError, never silently replaced.
 */
export async function loadIdentity(file: string = defaultIdentityPath()): Promise<Identity> {
	let text: string | undefined;
	try {
		text = await readFile(file, 'utf8');
	} catch (error: unknown) {
		const {code} = error as NodeJS.ErrnoException;
		if (code !== 'ENOENT') {
			throw new IdentityError(`cannot read the identity file ${file} (${code ?? String(error)})`);
		}
	}

	if (text !== undefined) return parseKey(text, file);
	const {privateKey} = generateKeyPairSync('ed25519');
	const pem = privateKey.export({format: 'pem', type: 'pkcs8'}).toString();
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
		await writeFile(temporary, pem, {mode: 0o600, flag: 'wx'});
		await rename(temporary, file);
	} catch (error: unknown) {
		await rm(temporary, {force: true});
		const {code} = error as NodeJS.ErrnoException;
		throw new IdentityError(`cannot keep a new identity in ${file} (${code ?? String(error)})`);
	}

	return identityOf(privateKey);
}
