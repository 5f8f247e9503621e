// How people see a key (docs/protocol.md "Identity"): as ssh does, `SHA256:` and the unpadded
// base64 of the SHA-256 of the raw public key; the short form keeps its first characters.

import {createHash} from 'node:crypto';

const FINGERPRINT_PREFIX = 'SHA256:';

/** Characters of the hash the short form keeps: 48 bits, enough to tell two keys apart by eye. */
const SHORT_FINGERPRINT_CHARS = 8;

/** `SHA256:` and 43 characters, for a raw 32-byte public key. */
export function keyFingerprint(publicKey: Uint8Array): string {
	const hash = createHash('sha256').update(publicKey).digest('base64').replace(/=+$/, '');
	return FINGERPRINT_PREFIX + hash;
}

/** `SHA256:` and the first SHORT_FINGERPRINT_CHARS characters of a full fingerprint. */
export function shortFingerprint(fingerprint: string): string {
	if (!fingerprint.startsWith(FINGERPRINT_PREFIX)) return fingerprint;
	return fingerprint.slice(0, FINGERPRINT_PREFIX.length + SHORT_FINGERPRINT_CHARS);
}
