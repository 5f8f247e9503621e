// A structured login with a key (docs/protocol.md "Identity"): a name's owner is whoever proved
// its key first. The host sends a fresh challenge, the client signs it with the name and this
// host's identity, and then the name is bound (first use), the owner's old connection is taken
// over, or the name is claimed as any other.

import {keyFingerprint, shortFingerprint} from '../../protocol/key-fingerprint.js';
import {PUBLIC_KEY_BYTES, decodeBase64Url} from '../../protocol/login-proof.js';
import {nameKey} from '../../protocol/name-rules.js';
import {encodeChallenge, type Hello} from '../../protocol/structured-messages.js';
import type {NameOwner} from '../relay/name-owners.js';
import {User} from '../relay/user.js';
import {claim} from './claim-name.js';
import type {LoginContext, LoginLink} from './login-link.js';
import {withOwnerOf, withOwnersAnswer} from './owner-lookup.js';
import {newChallengeNonce, proofHolds} from './proof-check.js';
import {refuse, takenReason} from './refusal.js';
import {resume} from './resume.js';

/** The refusal reason for a key that does not own `name`; `owner` is whose it is. */
function ownedReason(name: string, owner: NameOwner): string {
	const fingerprint = shortFingerprint(keyFingerprint(owner.publicKey));
	return `the name ${name} belongs to another key (${fingerprint}); log in with that key, or ask the host's operator to release the name`;
}

export function keyedLogin(
	context: LoginContext,
	link: LoginLink,
	hello: Hello,
	name: string,
): void {
	const given = hello.key ?? '';
	const publicKey = decodeBase64Url(given, PUBLIC_KEY_BYTES);
	if (publicKey === undefined) {
		const reason = `key= needs an Ed25519 public key: ${PUBLIC_KEY_BYTES} bytes in unpadded base64url`;
		refuse(context, link, 'bad-command', reason);
		return;
	}

	// A name in use by someone else is taken, whoever owns it; the owner's own session is not.
	if (heldByAnother(context, name, publicKey)) {
		refuse(context, link, 'name-taken', takenReason(context, name));
		return;
	}

	const key = nameKey(name);
	withOwnerOf(context, link, 'structured', key, (owner) => {
		// Who owns a name is no secret: an impostor is told before any proof.
		if (owner !== undefined && !owner.publicKey.equals(publicKey)) {
			refuse(context, link, 'name-owned', ownedReason(name, owner));
			return;
		}

		const nonce = newChallengeNonce();
		const {hostId} = context.identity;
		link.login.challenge = (signature) => {
			link.login.challenge = undefined;
			const fields = {version: hello.version, name: hello.name, nonce, hostId, publicKey: given};
			if (signature === undefined) {
				refuse(context, link, 'bad-command', 'the host asked for the proof: PROVE <signature>');
				return;
			}

			if (!proofHolds(fields, signature)) {
				refuse(context, link, 'proof-failed', 'the signature does not prove the key');
				return;
			}

			proven(context, link, hello, new User(name, key, 'structured'), publicKey, owner);
		};
		link.send(encodeChallenge(hostId, nonce));
	});
}

function proven(
	context: LoginContext,
	link: LoginLink,
	hello: Hello,
	user: User,
	publicKey: Buffer,
	owner: NameOwner | undefined,
): void {
	const {owners, now} = context.identity;
	if (heldByAnother(context, user.name, publicKey)) {
		refuse(context, link, 'name-taken', takenReason(context, user.name));
		return;
	}

	const existing = context.users.find(user.name);
	if (existing !== undefined) {
		// The owner's own connection, still held (away, or half-open after a kill -9): taken over.
		owners.touch(existing.key, now());
		context.log(`takeover ${existing.name} from ${link.address}`);
		resume(context, link, existing, hello.last);
		return;
	}

	user.publicKey = publicKey;
	user.fingerprint = keyFingerprint(publicKey);
	if (owner !== undefined) {
		owners.touch(owner.nameKey, now());
		claim(context, link, user);
		return;
	}

	const claimBinding = {nameKey: user.key, name: user.name, publicKey, nowMs: now()};
	withOwnersAnswer(context, link, 'structured', owners.bind(claimBinding), (binding) => {
		if (binding.bound) claim(context, link, user);
		else refuse(context, link, 'name-owned', ownedReason(user.name, binding.owner));
	});
}

/** Whether someone other than the holder of `publicKey` holds `name` now (online or away). */
function heldByAnother(context: LoginContext, name: string, publicKey: Buffer): boolean {
	const holder = context.users.find(name);
	if (holder === undefined) return false;
	const own = holder.face === 'structured' && !holder.gone && holder.publicKey?.equals(publicKey);
	return own !== true;
}
