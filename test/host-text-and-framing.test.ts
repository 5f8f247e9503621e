// Message text is cleaned of terminal control end to end; overlong lines and invalid UTF-8 are
// handled without harm (docs/protocol.md "Framing", "Message text").

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const ATTACK =
	'a\u001B[2Jb\u001B]0;pwned\u0007c\u001B[1;1Hd\u009B31me\u202Ef\u0000g\u007Fh\u001BPdcs\u001B\\i';
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

test('a screen clear, a title change or a cursor move never reaches any face', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const plainA = await loginPlain(host.port, 'pa');
	const plainB = await loginPlain(host.port, 'pb');
	const structured = await loginStructured(host.port, 'sc');
	plainA.send('to:pb');
	plainA.send(ATTACK);
	const plainLine = await plainB.nextLine();
	assert.ok(plainLine.endsWith('] pa: abcdefghi'), JSON.stringify(plainLine));

	plainA.send('to:sc');
	plainA.send(ATTACK);
	const fromPlain = await structured.waitForLine(/^MSG/);
	assert.ok(fromPlain.endsWith(' pa sc - :abcdefghi'), JSON.stringify(fromPlain));

	structured.send(`SEND s1 pb :${ATTACK}`);
	const fromStructured = await plainB.nextLine();
	assert.ok(fromStructured.endsWith('] sc: abcdefghi'), JSON.stringify(fromStructured));
	for (const line of [...plainB.lines, ...structured.lines]) {
		assert.doesNotMatch(line, CONTROL);
		assert.ok(!line.includes('pwned'));
	}
});

test('tabs and ordinary Unicode pass untouched', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	alice.send('to:bob');
	alice.send('col1\tcol2 — 你好 👋 émile');
	assert.match(await bob.waitForLine(/^MSG/), / :col1\tcol2 — 你好 👋 émile$/);
});

test('an overlong plain line is discarded with one error; the connection goes on', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	alice.send('to:bob');
	// In pieces, so the host sees it grow past the limit before its newline arrives.
	for (let index = 0; index < 5; index++) alice.sendRaw('x'.repeat(4000));
	alice.sendRaw('\n');
	assert.equal(
		await alice.nextLine(),
		'Line too long (limit 8192 bytes): it was discarded, not sent',
	);
	alice.send('short');
	assert.match(await bob.nextLine(), /\] alice: short$/);
});

test('an overlong structured line gets ERROR line-too-long; the connection goes on', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	alice.send(`SEND big bob :${'y'.repeat(9000)}`);
	assert.match(await alice.nextLine(), /^ERROR line-too-long :/);
	alice.send('SEND small bob :fits');
	assert.match(await bob.nextLine(), / small :fits$/);
	// A line exactly at the limit still passes.
	const prefix = 'SEND edge bob :';
	alice.send(prefix + 'z'.repeat(8192 - prefix.length));
	assert.match(await bob.nextLine(), / edge :z+$/);
});

test('invalid UTF-8 becomes U+FFFD and harms nobody; CRLF line ends work', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const garbage = await connectRaw(host.port);
	garbage.sendRaw(Buffer.from([0xff, 0xfe, 0xc3, 0x0a]));
	assert.match(await garbage.nextLine(), /^Invalid name: /);
	const alice = await loginPlain(host.port, 'alice');
	const bob = await loginPlain(host.port, 'bob');
	alice.sendRaw('to:bob\r\n');
	alice.sendRaw(
		Buffer.concat([
			Buffer.from('ok '),
			Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80]),
			Buffer.from('!\r\n'),
		]),
	);
	const line = await bob.nextLine();
	assert.match(line, /\] alice: ok \uFFFD+!$/);
});
