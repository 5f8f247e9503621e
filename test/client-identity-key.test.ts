// The client's key file (source/client/identity-key.ts): made once, owner-only, the same key on
// every later join, and a damaged file an error rather than a silent new key.
import assert from 'node:assert/strict';
import {mkdir, mkdtemp, readdir, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {test, type TestContext} from 'node:test';
import {IdentityError, loadIdentity} from '../source/client/identity-key.js';
import {proofHolds} from '../source/host/login/proof-check.js';
import {proofPayload} from '../source/protocol/login-proof.js';

async function tempDir(t: TestContext): Promise<string> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-identity-'));
	t.after(() => rm(dir, {recursive: true, force: true}));
	return dir;
}

test('the first load makes a key readable by its owner only, in a folder only they can enter', async (t) => {
	const file = path.join(await tempDir(t), 'chat', 'identity');
	const identity = await loadIdentity(file);
	assert.equal((await stat(file)).mode & 0o777, 0o600);
	assert.equal((await stat(path.dirname(file))).mode & 0o777, 0o700);
	assert.deepEqual(await readdir(path.dirname(file)), ['identity'], 'no temporary file is left');
	assert.match(identity.publicKey, /^[\w-]{43}$/);
	assert.match(identity.fingerprint, /^SHA256:/);
});

test('a later load reads the same key, and its signatures verify', async (t) => {
	const file = path.join(await tempDir(t), 'identity');
	const first = await loadIdentity(file);
	const again = await loadIdentity(file);
	assert.equal(again.publicKey, first.publicKey);
	const fields = {version: '1', name: 'alice', nonce: 'n', hostId: 'h', publicKey: again.publicKey};
	assert.equal(proofHolds(fields, again.sign(proofPayload(fields))), true);
});

test('a damaged key file is one sentence, and it is left as it was', async (t) => {
	const file = path.join(await tempDir(t), 'identity');
	await writeFile(file, '-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n');
	await assert.rejects(loadIdentity(file), (error: unknown) => {
		assert.ok(error instanceof IdentityError);
		assert.match(error.message, /identity file .* is damaged, so chat did not make a new key/);
		assert.doesNotMatch(error.message, /\n/);
		return true;
	});
	await assert.rejects(loadIdentity(file), IdentityError, 'still not replaced');
});

test('a key file that cannot be read is one sentence too', async (t) => {
	// A folder where the file should be cannot be read as one, even by root.
	const file = path.join(await tempDir(t), 'identity');
	await mkdir(file);
	await assert.rejects(
		loadIdentity(file),
		/^IdentityError: cannot read the identity file .*EISDIR/,
	);
});
