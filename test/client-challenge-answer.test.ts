// The client signs only for the host it means (source/client/challenge-answer.ts): over TLS the
// identity must be the certificate's fingerprint; without TLS, the one the address showed first.
import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {test, type TestContext} from 'node:test';
import {createChallengeAnswer, type Challenge} from '../source/client/challenge-answer.js';
import {loadIdentity} from '../source/client/identity-key.js';
import {proofHolds} from '../source/host/login/proof-check.js';

async function setup(t: TestContext) {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-answer-'));
	t.after(() => rm(dir, {recursive: true, force: true}));
	const identity = await loadIdentity(path.join(dir, 'identity'));
	const knownHostIdsFile = path.join(dir, 'known_host_ids');
	return {identity, knownHostIdsFile, answer: createChallengeAnswer({identity, knownHostIdsFile})};
}

const challenge = (overrides: Partial<Challenge> = {}): Challenge => ({
	address: {host: 'Chat.Example', port: 21_567},
	name: 'alice',
	hostId: 'host-a-0123456789abcdef',
	nonce: 'nonce-1',
	tlsFingerprint: undefined,
	...overrides,
});

test('the first answer pins the host identity and signs what the host can verify', async (t) => {
	const {identity, knownHostIdsFile, answer} = await setup(t);
	const result = await answer(challenge());
	assert.ok('signature' in result, JSON.stringify(result));
	const fields = {
		version: '1',
		name: 'alice',
		nonce: 'nonce-1',
		hostId: 'host-a-0123456789abcdef',
		publicKey: identity.publicKey,
	};
	assert.equal(proofHolds(fields, result.signature), true);
	assert.equal(
		await readFile(knownHostIdsFile, 'utf8'),
		'chat.example:21567 host-a-0123456789abcdef\n',
	);
	assert.ok('signature' in (await answer(challenge({nonce: 'nonce-2'}))), 'the same host again');
});

test('another identity at a pinned address is refused with a warning, and nothing is signed', async (t) => {
	const {knownHostIdsFile, answer} = await setup(t);
	await answer(challenge());
	const relayed = await answer(challenge({hostId: 'host-b-fedcba9876543210'}));
	assert.ok('sentence' in relayed);
	assert.match(
		relayed.sentence,
		/^WARNING: the identity of the host at chat\.example:21567 has changed/,
	);
	assert.ok(relayed.sentence.includes(knownHostIdsFile));
});

test('over TLS the identity must be the certificate this connection showed', async (t) => {
	const {answer} = await setup(t);
	const fingerprint = 'AA:' + '11:'.repeat(30) + 'AA';
	const own = await answer(challenge({hostId: fingerprint, tlsFingerprint: fingerprint}));
	assert.ok('signature' in own);
	// A host passing on another host's challenge names that host's certificate, not its own.
	const other = 'BB:' + '22:'.repeat(30) + 'BB';
	const relayed = await answer(challenge({hostId: other, tlsFingerprint: fingerprint}));
	assert.ok('sentence' in relayed);
	assert.match(relayed.sentence, /not its certificate's, so chat did not log in/);
});
