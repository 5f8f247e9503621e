// The client's side of the identity proof (docs/protocol.md "Identity"): check that the host's
// CHALLENGE names the host we meant to reach, then sign it. Over TLS the identity must be the
// certificate's fingerprint (which known-hosts.ts has pinned); without TLS, the identity this
// host:port showed the first time (known-host-ids.ts).

import {proofPayload} from '../protocol/login-proof.js';
import {PROTOCOL_VERSION} from '../protocol/limits.js';
import type {Identity} from './identity-key.js';
import {knownHostKey} from './known-hosts.js';
import {addKnownHostId, changedHostIdWarning, readKnownHostIds} from './known-host-ids.js';
import type {HostAddress} from './open-socket.js';

export type Challenge = {
	readonly address: HostAddress;
	/** The name as sent in `HELLO`. */
	readonly name: string;
	readonly hostId: string;
	readonly nonce: string;
	/** The SHA-256 fingerprint of the certificate this connection's TLS handshake showed. */
	readonly tlsFingerprint: string | undefined;
};

/** The signature for `PROVE`, or the sentence that says why chat will not answer. */
type ChallengeAnswer = {signature: string} | {sentence: string};

export type AnswerChallenge = (challenge: Challenge) => Promise<ChallengeAnswer>;

export function createChallengeAnswer(options: {
	identity: Identity;
	knownHostIdsFile: string;
}): AnswerChallenge {
	const {identity, knownHostIdsFile: file} = options;
	return async (challenge) => {
		const key = knownHostKey(challenge.address);
		const {hostId, tlsFingerprint} = challenge;
		if (tlsFingerprint !== undefined && hostId.toUpperCase() !== tlsFingerprint.toUpperCase()) {
			return {
				sentence: `the host at ${key} gave an identity that is not its certificate's, so chat did not log in: it may be passing on another host's challenge`,
			};
		}

		if (tlsFingerprint === undefined) {
			try {
				const pinned = (await readKnownHostIds(file)).get(key);
				if (pinned === undefined) await addKnownHostId(file, key, hostId);
				else if (pinned !== hostId) {
					return {sentence: changedHostIdWarning(key, pinned, hostId, file)};
				}
			} catch (error: unknown) {
				const code = (error as NodeJS.ErrnoException).code ?? String(error);
				return {sentence: `cannot use the known host identities file ${file} (${code})`};
			}
		}

		const payload = proofPayload({
			version: String(PROTOCOL_VERSION),
			name: challenge.name,
			nonce: challenge.nonce,
			hostId,
			publicKey: identity.publicKey,
		});
		return {signature: identity.sign(payload)};
	};
}
