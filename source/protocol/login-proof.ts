// The identity proof of a structured login (docs/protocol.md "Identity"): what a client signs to
// show it holds the key a name is bound to. Pure: the signing and the check live with each side.

/** Sets these bytes apart from anything else an Ed25519 key might sign. */
const PROOF_DOMAIN = 'chat login proof v1';

/** An Ed25519 public key is 32 bytes (RFC 8032): 43 characters of unpadded base64url. */
export const PUBLIC_KEY_BYTES = 32;

/** An Ed25519 signature is 64 bytes: 86 characters of unpadded base64url. */
export const SIGNATURE_BYTES = 64;

/** A fresh challenge is 32 random bytes: it never repeats, so an old proof is never good again. */
export const CHALLENGE_NONCE_BYTES = 32;

export type ProofFields = {
	/** The `HELLO` version, as sent. */
	readonly version: string;
	/** The name, as sent in `HELLO`. */
	readonly name: string;
	/** The host's `CHALLENGE` nonce. */
	readonly nonce: string;
	/** The host identity the client checked (its certificate fingerprint over TLS). */
	readonly hostId: string;
	/** The client's public key as sent in `HELLO key=`. */
	readonly publicKey: string;
};

/**
 * The bytes a client signs: the domain, then each field on a line of its own. No field can hold a
 * newline (a HELLO parameter has no spaces, a name no control character), so none can pass for
 * another.
 */
export function proofPayload(fields: ProofFields): Buffer {
	const {version, name, nonce, hostId, publicKey} = fields;
	return Buffer.from([PROOF_DOMAIN, version, name, nonce, hostId, publicKey].join('\n'), 'utf8');
}

/** The raw bytes of unpadded base64url of exactly `bytes` bytes, or undefined. */
export function decodeBase64Url(text: string, bytes: number): Buffer | undefined {
	if (!/^[\w-]+$/.test(text)) return undefined;
	const decoded = Buffer.from(text, 'base64url');
	// A re-encoding that differs means padding bits were set: the same bytes have one spelling.
	if (decoded.length !== bytes || decoded.toString('base64url') !== text) return undefined;
	return decoded;
}
