// chat host over TLS (docs/protocol.md "TLS"): certificate files, the self-signed pair made once
// and kept, refusals of unusable files, and plain TCP as the default.

import assert from 'node:assert/strict';
import {stat, unlink} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import {
	SELF_SIGNED_CERT_FILE,
	SELF_SIGNED_KEY_FILE,
	TlsSetupError,
	loadTlsFiles,
	selfSignedCredentials,
} from '../source/host/tls/tls-credentials.js';
import {connectRaw, loginPlain} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {connectTlsRaw, makeTempDir, writeCertificate} from './helpers/tls-fixtures.js';

test('--tls-cert and --tls-key: the host serves TLS with that certificate, on both faces', async (t) => {
	const dir = await makeTempDir(t);
	const files = await writeCertificate(dir, 'given');
	const credentials = await loadTlsFiles(files.certFile, files.keyFile);
	assert.match(credentials.fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
	const host = await startTestHost({tls: credentials});
	t.after(() => host.stop());

	const alice = await connectTlsRaw(host.port);
	assert.equal(alice.fingerprint, credentials.fingerprint);
	alice.send('HELLO 1 alice');
	assert.match(await alice.nextLine(), /^WELCOME alice /);
	const bob = await connectTlsRaw(host.port);
	bob.send('bob');
	assert.equal(await bob.nextLine(), 'Welcome!');
	bob.send('to:alice');
	bob.send('over TLS');
	assert.match(await alice.waitForLine(/^MSG /), /^MSG \d+ \d+ bob alice - :over TLS$/);
});

test('a TLS host speaks no plain text, and frees a connection that never shakes hands', async (t) => {
	const dir = await makeTempDir(t);
	const files = await writeCertificate(dir, 'given');
	const tls = await loadTlsFiles(files.certFile, files.keyFile);
	const host = await startTestHost({tls, loginTimeoutMs: 100});
	t.after(() => host.stop());
	const plain = await connectRaw(host.port);
	plain.send('alice');
	await plain.closed;
	assert.deepEqual(plain.lines, [], 'nothing readable came back');
	// A port scanner that connects and stays silent is closed within the login timeout.
	const silent = await connectRaw(host.port);
	await silent.closed;
	assert.equal(host.stats().users, 0);
});

test('a TLS host counts connections per address from the TCP accept, before the handshake', async (t) => {
	const dir = await makeTempDir(t);
	const files = await writeCertificate(dir, 'capped');
	const tls = await loadTlsFiles(files.certFile, files.keyFile);
	const host = await startTestHost({tls, maxPerAddress: 2});
	t.after(() => host.stop());
	// Two silent sockets that never start a handshake hold both places.
	const first = await connectRaw(host.port);
	const second = await connectRaw(host.port);
	t.after(() => {
		first.destroy();
		second.destroy();
	});
	const third = await connectRaw(host.port);
	await third.closed;
	assert.ok(host.log.some((line) => line === 'refused 127.0.0.1: too-many-connections'));
	assert.equal(first.isClosed, false);
	// A place freed is a place taken again, by a client that completes its handshake.
	first.destroy();
	await first.closed;
	const alice = await waitForAdmission(host.port);
	alice.send('HELLO 1 alice');
	assert.match(await alice.nextLine(), /^WELCOME alice /);
});

/** The host frees a place when it sees the close, which may come just after ours: try again. */
async function waitForAdmission(port: number): Promise<Awaited<ReturnType<typeof connectTlsRaw>>> {
	const deadline = Date.now() + 5000;
	for (;;) {
		try {
			return await connectTlsRaw(port);
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
	}
}

test('plain TCP stays the default', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginPlain(host.port, 'alice');
	await assert.rejects(connectTlsRaw(host.port));
});

test('unusable certificate files are one clear sentence', async (t) => {
	const dir = await makeTempDir(t);
	const one = await writeCertificate(dir, 'one');
	const two = await writeCertificate(dir, 'two');
	const missing = path.join(dir, 'missing.pem');
	await assert.rejects(loadTlsFiles(missing, one.keyFile), {
		name: 'Error',
		message: `cannot read the TLS certificate ${missing}: there is no such file`,
	});
	await assert.rejects(loadTlsFiles(one.certFile, two.keyFile), {
		message: `the key in ${two.keyFile} does not belong to the certificate in ${one.certFile}`,
	});
	await assert.rejects(loadTlsFiles(one.keyFile, one.keyFile), {
		message: `${one.keyFile} does not hold a PEM certificate`,
	});
	await assert.rejects(loadTlsFiles(one.certFile, one.certFile), (error) => {
		assert.ok(error instanceof TlsSetupError);
		assert.match(error.message, /does not hold a PEM private key/);
		return true;
	});
});

test('--tls alone makes a self-signed certificate once, private to the user, and reuses it', async (t) => {
	const dir = path.join(await makeTempDir(t), 'config', 'chat');
	console.log('x');
	const first = await selfSignedCredentials(dir);
	console.log('y');
	assert.equal(first.created, true);
	for (const file of [SELF_SIGNED_CERT_FILE, SELF_SIGNED_KEY_FILE]) {
		const {mode} = await stat(path.join(dir, file));
		assert.equal(mode & 0o777, 0o600, `${file} is readable by its owner only`);
	}

	const again = await selfSignedCredentials(dir);
	assert.equal(again.created, false);
	assert.equal(again.fingerprint, first.fingerprint, 'the fingerprint clients pinned still holds');
	assert.equal(again.key, first.key);

	const host = await startTestHost({tls: again});
	t.after(() => host.stop());
	const client = await connectTlsRaw(host.port);
	assert.equal(client.fingerprint, first.fingerprint);
	client.destroy();

	await unlink(path.join(dir, SELF_SIGNED_KEY_FILE));
	await assert.rejects(selfSignedCredentials(dir), {
		message: `${path.join(dir, SELF_SIGNED_KEY_FILE)} is missing: delete the other file in ${dir} to make a new certificate`,
	});
});
