// The host's side of the identity proof (docs/protocol.md "Identity"): a fresh nonce per login,
// and the check of the client's signature over protocol/login-proof.ts's payload.

import {createPublicKey, randomBytes, verify} from 'node:crypto';
import {
	CHALLENGE_NONCE_BYTES,
	SIGNATURE_BYTES,
	decodeBase64Url,
	proofPayload,
	type ProofFields,
} from '../../protocol/login-proof.js';

export function newChallengeNonce(): string {
	return randomBytes(CHALLENGE_NONCE_BYTES).toString('base64url');
}

/** Whether `signature` (unpadded base64url) signs `fields` with the Ed25519 key in them. */
export function proofHolds(fields: ProofFields, signature: string): boolean {
	const signed = decodeBase64Url(signature, SIGNATURE_BYTES);
	if (signed === undefined) return false;
	try {
		const key = createPublicKey({
			key: {kty: 'OKP', crv: 'Ed25519', x: fields.publicKey},
			format: 'jwk',
		});
		return verify(null, proofPayload(fields), key, signed);
	} catch {
		// A key that is not a point on the curve proves nothing.
		return false;
	}
}
