// A client that half-closes (sends FIN after its lines, as `nc -N` and scripts do) gets every
// answer to those lines before the host closes the socket (docs/protocol.md "Framing").

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadTlsFiles} from '../source/host/tls/tls-credentials.js';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';
import {connectTlsRaw, makeTempDir, writeCertificate} from './helpers/tls-fixtures.js';

/** More lines than the default burst, so some of them wait on the rate limit when the FIN comes. */
const LINES = 150;
/** Fast enough that the waiting lines pass in well under a second. */
const RATE = 200;

test(`${LINES} PINGs then FIN: ${LINES} PONGs, in order, then the host closes`, async (t) => {
	const host = await startTestHost({rate: RATE});
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const pings = Array.from({length: LINES}, (_, index) => `PING t${index}\n`).join('');
	alice.sendRaw(pings);
	alice.end();
	await alice.closed;
	const pongs = alice.lines.filter((line) => line.startsWith('PONG '));
	assert.deepEqual(
		pongs,
		Array.from({length: LINES}, (_, index) => `PONG t${index}`),
	);
});

test('over TLS too, every PING before the FIN gets its PONG', async (t) => {
	const dir = await makeTempDir(t);
	const files = await writeCertificate(dir, 'half-close');
	const tls = await loadTlsFiles(files.certFile, files.keyFile);
	const host = await startTestHost({tls, rate: RATE});
	t.after(() => host.stop());
	const alice = await connectTlsRaw(host.port);
	alice.send('HELLO 1 alice');
	await alice.waitForLine(/^USERS-END$/);
	alice.sendRaw(Array.from({length: LINES}, (_, index) => `PING t${index}\n`).join(''));
	alice.end();
	await alice.closed;
	assert.equal(alice.lines.filter((line) => line.startsWith('PONG ')).length, LINES);
});

test(`the plain face answers every line sent before the FIN too`, async (t) => {
	const host = await startTestHost({rate: RATE});
	t.after(() => host.stop());
	const bob = await loginPlain(host.port, 'bob');
	bob.sendRaw('to:nobody\n'.repeat(LINES));
	bob.end();
	await bob.closed;
	const answers = bob.lines.filter((line) => line === 'the user nobody does not exist');
	assert.equal(answers.length, LINES);
});

test('a login sent with a FIN is answered in full on both faces', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const plain = await connectRaw(host.port);
	plain.sendRaw('carol\n');
	plain.end();
	await plain.closed;
	assert.deepEqual(plain.lines, ['Welcome!']);
	const structured = await connectRaw(host.port);
	structured.sendRaw('HELLO 1 dave\n');
	structured.end();
	await structured.closed;
	assert.match(structured.lines[0] ?? '', /^WELCOME dave /);
	assert.equal(structured.lines.at(-1), 'USERS-END');
});

test('a message sent just before a FIN is relayed, and its sender hears DELIVERED', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bob = await loginStructured(host.port, 'bob');
	const alice = await loginStructured(host.port, 'alice');
	alice.sendRaw('SEND r1 bob :last words\n');
	alice.end();
	await alice.closed;
	assert.ok(
		alice.lines.some((line) => /^DELIVERED r1 \d+ \d+$/.test(line)),
		alice.lines.join(' | '),
	);
	assert.match(await bob.waitForLine(/^MSG /), / alice bob r1 :last words$/);
	// No QUIT came: alice may still resume, as after any drop.
	assert.equal(await bob.waitForLine(/^(AWAY|LEAVE) alice$/), 'AWAY alice');
});
