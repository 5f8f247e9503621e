// Connections that have not logged in are capped host-wide; past the cap the one that has waited
// longest makes way for the newcomer (docs/protocol.md "Limits").

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DEFAULT_MAX_PRE_LOGIN} from '../source/protocol/limits.js';
import {PreLoginCap, type PreLoginEntry} from '../source/host/connection/pre-login-cap.js';
import {loadTlsFiles} from '../source/host/tls/tls-credentials.js';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {connectTlsRaw, makeTempDir, writeCertificate} from './helpers/tls-fixtures.js';

const MADE_WAY = /^REFUSED too-many-connections :too many connections are waiting to log in/;

/** Entries that note their name in `evicted` when told to go. */
function entries(): {evicted: string[]; entry: (name: string) => PreLoginEntry} {
	const evicted: string[] = [];
	const made = new Map<string, PreLoginEntry>();
	const entry = (name: string): PreLoginEntry => {
		let found = made.get(name);
		if (found === undefined) {
			found = {evictPreLogin: () => evicted.push(name)};
			made.set(name, found);
		}

		return found;
	};

	return {evicted, entry};
}

test('the default cap is 512 connections not logged in yet', () => {
	assert.equal(DEFAULT_MAX_PRE_LOGIN, 512);
});

test('past the cap the oldest entry is evicted; removed ones never are', () => {
	const {evicted, entry} = entries();
	const cap = new PreLoginCap(3);
	for (const name of ['a', 'b', 'c']) cap.add(entry(name));
	cap.remove(entry('a'));
	cap.add(entry('d'));
	assert.deepEqual(evicted, []);
	cap.add(entry('e'));
	assert.deepEqual(evicted, ['b']);
	assert.equal(cap.size, 3);
	assert.equal(cap.evictOldest(), true);
	assert.deepEqual(evicted, ['b', 'c']);
});

test('a cap of 0 evicts nobody, and an empty cap has nobody to evict', () => {
	const {evicted, entry} = entries();
	const cap = new PreLoginCap(0);
	for (const name of ['a', 'b', 'c']) cap.add(entry(name));
	assert.deepEqual(evicted, []);
	assert.equal(new PreLoginCap(5).evictOldest(), false);
});

test('past the cap the connection that waited longest is refused; logged-in users do not count', async (t) => {
	const host = await startTestHost({maxPreLogin: 2});
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	const oldest = await connectRaw(host.port);
	const younger = await connectRaw(host.port);
	const newcomer = await connectRaw(host.port);
	assert.match(await oldest.nextLine(), MADE_WAY);
	await oldest.closed;
	assert.equal(younger.isClosed, false);
	newcomer.send('carol');
	assert.equal(await newcomer.nextLine(), 'Welcome!');
	younger.send('HELLO 1 dave');
	assert.match(await younger.nextLine(), /^WELCOME dave /);
	alice.send('to:bob');
	alice.send('still here');
	assert.match(await bob.waitForLine(/^MSG /), / alice bob - :still here$/);
	assert.ok(host.log.includes('refused 127.0.0.1: too many connections waiting to log in'));
});

test('a connection waiting for its password check has not logged in: it makes way too', async (t) => {
	const host = await startTestHost({
		maxPreLogin: 1,
		password: 'sesame',
		passwordFailureDelayMs: 60_000,
	});
	t.after(() => host.stop());
	// A wrong password makes the next try from this address wait a minute for its check.
	const guesser = await connectRaw(host.port);
	guesser.send('pass:wrong');
	assert.equal(await guesser.nextLine(), 'Wrong password');
	const waiting = await connectRaw(host.port);
	waiting.send('pass:sesame');
	const newcomer = await connectRaw(host.port);
	assert.match(await waiting.nextLine(), MADE_WAY);
	await waiting.closed;
	assert.equal(newcomer.isClosed, false);
});

test('on a TLS host a handshake that never ends makes way too', async (t) => {
	const dir = await makeTempDir(t);
	const files = await writeCertificate(dir, 'pre-login');
	const tls = await loadTlsFiles(files.certFile, files.keyFile);
	const host = await startTestHost({tls, maxPreLogin: 2});
	t.after(() => host.stop());
	// Two silent sockets that never start a handshake hold both places.
	const first = await connectRaw(host.port);
	const second = await connectRaw(host.port);
	t.after(() => {
		second.destroy();
	});
	const alice = await connectTlsRaw(host.port);
	await first.closed;
	assert.equal(second.isClosed, false);
	alice.send('HELLO 1 alice');
	assert.match(await alice.nextLine(), /^WELCOME alice /);
});
