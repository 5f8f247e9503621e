// chat join --tls (docs/protocol.md "TLS"): the client pins the host's certificate on first use,
// connects again while it matches, and refuses a changed one before sending anything.

import assert from 'node:assert/strict';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import type {ChatClient} from '../source/client/chat-client.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {createTlsOpenSocket} from '../source/client/tls-connect.js';
import {loadTlsFiles} from '../source/host/tls/tls-credentials.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {startTestHost, type TestHost} from './helpers/start-host.js';
import {makeTempDir, writeCertificate} from './helpers/tls-fixtures.js';

async function startTlsHost(
	dir: string,
	stem: string,
	password?: string,
): Promise<TestHost & {fingerprint: string}> {
	const files = await writeCertificate(dir, stem);
	const credentials = await loadTlsFiles(files.certFile, files.keyFile);
	const host = await startTestHost({tls: credentials, password});
	return Object.assign(host, {fingerprint: credentials.fingerprint});
}

function joinTls(
	port: number,
	name: string,
	knownHostsFile: string,
	pinned: string[] = [],
	password?: string,
): ChatClient {
	return createStructuredClient({
		address: {host: '127.0.0.1', port},
		name,
		password,
		openSocket: createTlsOpenSocket({
			knownHostsFile,
			onPinned: (key, fingerprint) => pinned.push(`${key} ${fingerprint}`),
		}),
	});
}

test('first use pins the fingerprint; the same certificate connects again quietly', async (t) => {
	const dir = await makeTempDir(t);
	const host = await startTlsHost(dir, 'host', 'pw');
	t.after(() => host.stop());
	const knownHosts = path.join(dir, 'config', 'known_hosts');
	const pinned: string[] = [];
	const first = joinTls(host.port, 'alice', knownHosts, pinned, 'pw');
	const alice = recordClientEvents(first);
	await alice.next('welcome');
	const entry = `127.0.0.1:${host.port} ${host.fingerprint}`;
	assert.deepEqual(pinned, [entry]);
	assert.equal(await readFile(knownHosts, 'utf8'), `${entry}\n`);
	await first.quit();

	const second = joinTls(host.port, 'alice', knownHosts, pinned, 'pw');
	await recordClientEvents(second).next('welcome');
	await second.quit();
	assert.equal(pinned.length, 1, 'pinned once');
	assert.equal(await readFile(knownHosts, 'utf8'), `${entry}\n`, 'nothing added');
});

test('a changed certificate is refused with a warning, before the password is sent', async (t) => {
	const dir = await makeTempDir(t);
	const host = await startTlsHost(dir, 'impostor', 'pw');
	t.after(() => host.stop());
	const knownHosts = path.join(dir, 'known_hosts');
	const old = 'AB:' + 'CD:'.repeat(30) + 'EF';
	await writeFile(knownHosts, `127.0.0.1:${host.port} ${old}\n`);
	const client = joinTls(host.port, 'alice', knownHosts, [], 'pw');
	const events = recordClientEvents(client);
	const closed = await events.next('closed');
	assert.equal(closed.code, 'ECERTCHANGED');
	const presented = host.fingerprint;
	assert.equal(
		closed.message,
		`WARNING: the certificate of 127.0.0.1:${host.port} has changed, so chat did not connect: ` +
			`it was ${old} and now it is ${presented}. Someone may be intercepting the connection. ` +
			`If the host made a new certificate on purpose (ask its owner to compare the fingerprint), ` +
			`delete the line for 127.0.0.1:${host.port} in ${knownHosts} and join again.`,
	);
	assert.equal(events.all('welcome').length, 0);
	assert.ok(
		!host.log.some((line) => line.includes('login') || line.includes('password')),
		host.log.join('\n'),
	);
	assert.equal(
		await readFile(knownHosts, 'utf8'),
		`127.0.0.1:${host.port} ${old}\n`,
		'the pin stays',
	);
});

test('--tls against a plain host says the host may not serve TLS', async (t) => {
	const dir = await makeTempDir(t);
	// A short login timeout: the plain host answers a TLS hello only once it gives up on a name.
	const host = await startTestHost({loginTimeoutMs: 100});
	t.after(() => host.stop());
	const client = joinTls(host.port, 'alice', path.join(dir, 'known_hosts'));
	const closed = await recordClientEvents(client).next('closed');
	assert.equal(closed.code, 'ETLSHANDSHAKE');
	assert.match(
		closed.message,
		new RegExp(
			`^could not make a TLS connection to 127\\.0\\.0\\.1:${host.port} \\(.+\\): is the host started with chat host --tls\\?$`,
		),
	);
});
