// The identity proof (docs/protocol.md "Identity"): a signature is good for one name, one nonce,
// one host and one key, and for nothing else.
import assert from 'node:assert/strict';
import {generateKeyPairSync, sign} from 'node:crypto';
import {test} from 'node:test';
import {newChallengeNonce, proofHolds} from '../source/host/login/proof-check.js';
import {keyFingerprint, shortFingerprint} from '../source/protocol/key-fingerprint.js';
import {
	PUBLIC_KEY_BYTES,
	decodeBase64Url,
	proofPayload,
	type ProofFields,
} from '../source/protocol/login-proof.js';

function keyPair() {
	const {privateKey, publicKey} = generateKeyPairSync('ed25519');
	const raw = publicKey.export({format: 'jwk'}).x ?? '';
	return {
		raw,
		signs: (fields: ProofFields) =>
			sign(null, proofPayload(fields), privateKey).toString('base64url'),
	};
}

const alice = keyPair();

function fields(overrides: Partial<ProofFields> = {}): ProofFields {
	return {
		version: '1',
		name: 'alice',
		nonce: newChallengeNonce(),
		hostId: 'host-a-0123456789abcdef',
		publicKey: alice.raw,
		...overrides,
	};
}

test('a signature over the challenge proves the key', () => {
	const challenge = fields();
	assert.equal(proofHolds(challenge, alice.signs(challenge)), true);
});

test('a replayed signature fails: it signed an old nonce, and every challenge has a fresh one', () => {
	const old = fields();
	const signature = alice.signs(old);
	const fresh = {...old, nonce: newChallengeNonce()};
	assert.notEqual(fresh.nonce, old.nonce);
	assert.equal(proofHolds(fresh, signature), false);
});

test("a relayed signature fails: host A's challenge answered to host B names host A", () => {
	const atHostA = fields({hostId: 'host-a-0123456789abcdef'});
	const signature = alice.signs(atHostA);
	// Host B relayed A's nonce; it checks against its own identity.
	assert.equal(proofHolds({...atHostA, hostId: 'host-b-fedcba9876543210'}, signature), false);
});

test('a signature by another key, or for another name or version, fails', () => {
	const mallory = keyPair();
	const challenge = fields();
	// Mallory signs with her key but claims alice's.
	assert.equal(proofHolds(challenge, mallory.signs(challenge)), false);
	// Alice's signature for alice is no good for bob.
	assert.equal(proofHolds({...challenge, name: 'bob'}, alice.signs(challenge)), false);
	assert.equal(proofHolds({...challenge, version: '2'}, alice.signs(challenge)), false);
});

test('malformed signatures and keys prove nothing and never throw', () => {
	const challenge = fields();
	const signature = alice.signs(challenge);
	assert.equal(proofHolds(challenge, signature.slice(1)), false);
	assert.equal(proofHolds(challenge, 'not base64url!'), false);
	assert.equal(proofHolds({...challenge, publicKey: 'A'.repeat(43)}, signature), false);
	assert.equal(proofHolds({...challenge, publicKey: ''}, signature), false);
});

test('the payload keeps fields apart and starts with its own domain', () => {
	const payload = proofPayload(fields({name: 'al', hostId: 'ice'})).toString('utf8');
	assert.match(payload, /^chat login proof v1\n1\nal\n/);
	assert.notEqual(
		payload,
		proofPayload(fields({name: 'ali', hostId: 'ce'})).toString('utf8'),
		'moving characters between fields changes the payload',
	);
});

test('keys decode only as exactly 32 bytes of unpadded base64url with one spelling', () => {
	assert.equal(decodeBase64Url(alice.raw, PUBLIC_KEY_BYTES)?.length, PUBLIC_KEY_BYTES);
	assert.equal(decodeBase64Url(alice.raw + '=', PUBLIC_KEY_BYTES), undefined);
	assert.equal(decodeBase64Url(alice.raw.slice(0, 42), PUBLIC_KEY_BYTES), undefined);
	assert.equal(
		decodeBase64Url('A'.repeat(42) + 'B', PUBLIC_KEY_BYTES),
		undefined,
		'padding bits set',
	);
});

test('a fingerprint is SHA256: and base64 like ssh; the short form keeps 8 characters', () => {
	const fingerprint = keyFingerprint(Buffer.alloc(32));
	assert.match(fingerprint, /^SHA256:[A-Za-z\d+/]{43}$/);
	assert.equal(shortFingerprint(fingerprint), fingerprint.slice(0, 15));
	assert.notEqual(keyFingerprint(Buffer.alloc(32, 1)), fingerprint);
});
