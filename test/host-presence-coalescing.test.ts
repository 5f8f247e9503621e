// Presence news that cancels out within what a client has not been sent yet never reaches it
// (docs/protocol.md "Host → client", presence batches): coalescePresence, and over TCP.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {coalescePresence} from '../source/host/relay/coalesce-presence.js';
import {connectRaw, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

test('a JOIN and a LEAVE of the same user cancel out; other news keeps its order', () => {
	assert.deepEqual(coalescePresence(['JOIN ann', 'JOIN bob', 'LEAVE ann', 'AWAY cyd']), [
		'JOIN bob',
		'AWAY cyd',
	]);
});

test('AWAY then BACK, and BACK then AWAY, cancel out', () => {
	assert.deepEqual(coalescePresence(['AWAY ann', 'BACK ann']), []);
	assert.deepEqual(coalescePresence(['BACK ann', 'AWAY ann']), []);
	assert.deepEqual(coalescePresence(['AWAY ann', 'BACK ann', 'AWAY ann']), ['AWAY ann']);
});

test('whatever happened in between, the net change is what is kept', () => {
	assert.deepEqual(coalescePresence(['JOIN ann', 'AWAY ann', 'LEAVE ann']), [], 'came and went');
	assert.deepEqual(coalescePresence(['JOIN ann', 'AWAY ann', 'BACK ann']), ['JOIN ann']);
	assert.deepEqual(coalescePresence(['JOIN ann', 'AWAY ann']), ['JOIN ann', 'AWAY ann']);
	assert.deepEqual(coalescePresence(['AWAY ann', 'LEAVE ann']), ['LEAVE ann'], 'gone is gone');
	assert.deepEqual(coalescePresence(['BACK ann', 'LEAVE ann']), ['LEAVE ann']);
	assert.deepEqual(
		coalescePresence(['LEAVE ann', 'JOIN ann', 'AWAY ann', 'LEAVE ann']),
		['LEAVE ann'],
		'a later session that came and went',
	);
});

test('a LEAVE then a JOIN stay: another session under the name', () => {
	assert.deepEqual(coalescePresence(['LEAVE ann', 'JOIN ann']), ['LEAVE ann', 'JOIN ann']);
	assert.deepEqual(coalescePresence(['AWAY ann', 'LEAVE ann', 'JOIN ann']), [
		'LEAVE ann',
		'JOIN ann',
	]);
});

test('only the lines from `from` on are read', () => {
	assert.deepEqual(coalescePresence(['JOIN ann', 'LEAVE ann', 'JOIN bob'], 1), [
		'LEAVE ann',
		'JOIN bob',
	]);
	const lines = ['JOIN ann', 'JOIN bob'];
	assert.deepEqual(coalescePresence(lines), lines, 'nothing to cancel: the same lines');
});

test('names are compared exactly: news of Ann is not news of ann', () => {
	assert.deepEqual(coalescePresence(['JOIN Ann', 'LEAVE ann']), ['JOIN Ann', 'LEAVE ann']);
});

test('a user who logs in and out within one batch is never news', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const watcher = await loginStructured(host.port, 'watcher');
	// One write: the login and the quit are handled in the same tick, inside one batch.
	const ghost = await connectRaw(host.port);
	ghost.send('HELLO 1 ghost\nQUIT');
	await ghost.waitForLine(/^BYE quit /);
	const plainGhost = await connectRaw(host.port);
	plainGhost.send('spook\nquit');
	await plainGhost.closed;
	const stays = await loginStructured(host.port, 'stays');
	await watcher.waitForLine(/^JOIN stays$/);
	watcher.send('PING after');
	await watcher.waitForLine(/^PONG after$/);
	assert.deepEqual(
		watcher.lines.filter((line) => /^(JOIN|LEAVE|AWAY|BACK) /.test(line)),
		['JOIN stays'],
	);
	assert.ok(
		host.log.some((line) => line.startsWith('login ghost')),
		'ghost did log in',
	);
	stays.destroy();
});

test('news that does not cancel still arrives, in order', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const watcher = await loginStructured(host.port, 'watcher');
	const ann = await loginStructured(host.port, 'ann');
	await watcher.waitForLine(/^JOIN ann$/);
	ann.send('QUIT');
	await watcher.waitForLine(/^LEAVE ann$/);
	const again = await loginStructured(host.port, 'ann');
	await watcher.waitForLine(/^JOIN ann$/);
	assert.deepEqual(
		watcher.lines.filter((line) => /^(JOIN|LEAVE) /.test(line)),
		['JOIN ann', 'LEAVE ann', 'JOIN ann'],
	);
	again.destroy();
});
