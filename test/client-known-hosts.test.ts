// The known-hosts file (source/client/known-hosts.ts): how hosts are named, parsed and checked.

import assert from 'node:assert/strict';
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import {chatConfigDir} from '../source/config-dir.js';
import {
	addKnownHost,
	changedCertificateWarning,
	checkPin,
	knownHostKey,
	parseKnownHosts,
	readKnownHosts,
} from '../source/client/known-hosts.js';
import {makeTempDir} from './helpers/tls-fixtures.js';

const FP_A = 'AA:' + '11:'.repeat(30) + 'AA';
const FP_B = 'BB:' + '22:'.repeat(30) + 'BB';

test('hosts are keyed host:port, lower case, IPv6 in brackets', () => {
	assert.equal(knownHostKey({host: 'Chat.Example.ORG', port: 21_567}), 'chat.example.org:21567');
	assert.equal(knownHostKey({host: '::1', port: 4000}), '[::1]:4000');
	assert.equal(knownHostKey({host: '127.0.0.1', port: 1}), '127.0.0.1:1');
});

test('parsing skips comments and blank lines, and the first entry for a host wins', () => {
	const pins = parseKnownHosts(
		`# chat known hosts\n\nhost:1 ${FP_A.toLowerCase()}\r\nhost:1 ${FP_B}\n[::1]:2 ${FP_B}\nbroken-line\n`,
	);
	assert.deepEqual(
		[...pins],
		[
			['host:1', FP_A],
			['[::1]:2', FP_B],
		],
	);
});

test('a pin is new, known, or changed', () => {
	const pins = new Map([['host:1', FP_A]]);
	assert.deepEqual(checkPin(pins, 'host:2', FP_A), {kind: 'new'});
	assert.deepEqual(checkPin(pins, 'host:1', FP_A.toLowerCase()), {kind: 'known'});
	assert.deepEqual(checkPin(pins, 'host:1', FP_B), {kind: 'changed', pinned: FP_A});
});

test('the warning names both fingerprints and the file to edit', () => {
	const warning = changedCertificateWarning(
		'host:1',
		FP_A,
		FP_B,
		'/home/u/.config/chat/known_hosts',
	);
	assert.ok(warning.startsWith('WARNING: the certificate of host:1 has changed'));
	assert.ok(warning.includes(`it was ${FP_A} and now it is ${FP_B}`));
	assert.ok(warning.includes('delete the line for host:1 in /home/u/.config/chat/known_hosts'));
});

test('pins are appended to a file only its owner can read, in a folder made for it', async (t) => {
	const file = path.join(await makeTempDir(t), 'chat', 'known_hosts');
	assert.equal((await readKnownHosts(file)).size, 0, 'no file yet: nothing pinned');
	await addKnownHost(file, 'host:1', FP_A.toLowerCase());
	await addKnownHost(file, 'host:2', FP_B);
	assert.equal(await readFile(file, 'utf8'), `host:1 ${FP_A}\nhost:2 ${FP_B}\n`);
	assert.equal((await stat(file)).mode & 0o777, 0o600);
	assert.deepEqual([...(await readKnownHosts(file)).keys()], ['host:1', 'host:2']);
});

test('the config dir is $XDG_CONFIG_HOME/chat, else ~/.config/chat', () => {
	assert.equal(
		chatConfigDir({XDG_CONFIG_HOME: '/x/conf'}, '/home/u'),
		path.join('/x/conf', 'chat'),
	);
	assert.equal(chatConfigDir({}, '/home/u'), path.join('/home/u', '.config', 'chat'));
	assert.equal(
		chatConfigDir({XDG_CONFIG_HOME: ''}, '/home/u'),
		path.join('/home/u', '.config', 'chat'),
	);
});
