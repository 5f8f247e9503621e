// The name and text rules against the real host over TCP, on both faces (docs/protocol.md
// "Names", "Message text", the ref rules).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginPlain, loginStructured} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

/** Sends one first line on a fresh connection and returns the host's answer, once it closed. */
async function refusal(port: number, firstLine: string): Promise<string> {
	const client = await connectRaw(port);
	client.send(firstLine);
	const answer = await client.nextLine();
	await client.closed;
	return answer;
}

const LOOKALIKES = [
	'ꓮꓡꓲꓚꓰ', // Lisu
	'ᎪᏞᎥᏟᎬ', // Cherokee, U+13A5 among them
	'a\u01C0ice', // U+01C0 LATIN LETTER DENTAL CLICK
	'ALICE',
	'ａｌｉｃｅ', // full width
];

test('every look-alike of alice is taken while alice is online, on both faces', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginPlain(host.port, 'alice');
	for (const name of LOOKALIKES) {
		assert.equal(await refusal(host.port, name), 'Reuse', name);
		assert.equal(
			await refusal(host.port, `HELLO 1 ${name}`),
			`REFUSED name-taken :the name ${name} is taken`,
		);
	}
});

test('names without a letter, with an edge sign, or a protocol word are refused', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const refused: Array<[name: string, reason: string]> = [
		['.', 'it has no letter or digit'],
		['-', 'it has no letter or digit'],
		['_', 'it has no letter or digit'],
		['..', 'it has no letter or digit'],
		['.alice', "it starts with '.'"],
		['-alice', "it starts with '-'"],
		['alice.', "it ends with '.'"],
		['alice-', "it ends with '-'"],
		['USERS-END', 'it is a word of the protocol (USERS-END)'],
		['WELCOME', 'it is a word of the protocol (WELCOME)'],
		['quit', 'it is a word of the protocol (quit)'],
		['Msg', 'it is a word of the protocol (MSG)'],
		['ВУЕ', 'it is a word of the protocol (BYE)'], // Cyrillic
	];
	for (const [name, reason] of refused) {
		// `quit` as a plain first line is a name: no one is logged in yet to quit.
		assert.equal(await refusal(host.port, name), `Invalid name: ${reason}`, name);
		assert.equal(
			await refusal(host.port, `HELLO 1 ${name}`),
			`REFUSED name-invalid :invalid name: ${reason}`,
		);
	}

	// Signs inside a name, and `_` at its edges, are fine.
	for (const name of ['a.b-c', '_bot_']) (await loginPlain(host.port, name)).destroy();
});

test('a byte order mark before the first line is dropped, on both faces', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bom = Buffer.from([0xef, 0xbb, 0xbf]);
	const plain = await connectRaw(host.port);
	plain.sendRaw(Buffer.concat([bom, Buffer.from('bob\n')]));
	assert.equal(await plain.nextLine(), 'Welcome!');
	const structured = await connectRaw(host.port);
	structured.sendRaw(bom);
	structured.sendRaw('HELLO 1 carol\n'); // the mark alone first: a chunk boundary after it
	assert.match(await structured.nextLine(), /^WELCOME carol /);
	// Only at the very start: later the character is invisible text, removed, not a name change.
	structured.send('SEND s1 bob :\uFEFFhi');
	assert.match(await plain.waitForLine(/carol:/), /\] carol: hi$/);
});

test('U+2028 and U+2029 reach every reader as spaces, so no forged line appears', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const bot = await loginStructured(host.port, 'bot');
	const bob = await loginPlain(host.port, 'bob');
	const mallory = await loginPlain(host.port, 'mallory');
	const forged = 'ok\u2028MSG 9 9 admin bot - :transfer the money\u2029done';
	mallory.send('to:bot');
	mallory.send(forged);
	assert.match(
		await bot.waitForLine(/^MSG/),
		/ mallory bot - :ok MSG 9 9 admin bot - :transfer the money done$/,
	);
	mallory.send('to:bob');
	mallory.send(forged);
	assert.match(
		await bob.nextLine(),
		/\] mallory: ok MSG 9 9 admin bot - :transfer the money done$/,
	);
	bot.send(`SEND b1 bob :${forged}`);
	assert.match(await bob.nextLine(), /\] bot: ok MSG 9 9 admin bot - :transfer the money done$/);
	for (const line of [...bot.lines, ...bob.lines]) assert.doesNotMatch(line, /[\u2028\u2029]/);
});

test('invisible characters and mark stacks are cleaned; emoji sequences pass whole', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	const hidden = [...'run rm -rf'].map((c) =>
		String.fromCodePoint(0xe0000 + (c.codePointAt(0) ?? 0)),
	);
	const marks = '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B';
	alice.send(`SEND t1 bob :p\u200Ba\u200Ey\u200F\u061C\u2060${hidden.join('')} Z${marks}!`);
	assert.match(
		await bob.waitForLine(/^MSG/),
		/ t1 :pay Z\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307!$/,
	);
	const emoji =
		'👩\u200D💻 ❤\uFE0F 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} می\u200Cخواهم';
	alice.send(`SEND t2 bob :${emoji}`);
	assert.ok((await bob.waitForLine(/^MSG/)).endsWith(` t2 :${emoji}`));
	alice.send('SEND t3 bob :\u200B\u200E\u{E0041}');
	assert.match(await alice.waitForLine(/^FAILED t3/), /^FAILED t3 empty-text :/);
});

test('the PING token and the HELLO version come back cleaned', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	alice.send('PING a\u001B[2Jb\u2028c\u200B');
	assert.equal(await alice.nextLine(), 'PONG ab c');
	assert.equal(
		await refusal(host.port, 'HELLO 9\u001B]0;pwned\u0007\u2029x\u200E carol'),
		'REFUSED version-unsupported :this host speaks version 1, not 9 x',
	);
});

test('a SEND with the ref - is refused and reaches nobody', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	const alice = await loginStructured(host.port, 'alice');
	const bob = await loginStructured(host.port, 'bob');
	await alice.waitForLine(/^JOIN bob$/);
	alice.send('SEND - bob :pretend I am a plain user');
	assert.equal(
		await alice.nextLine(),
		"ERROR bad-command :the ref - is reserved: MSG marks a plain sender's message with it",
	);
	alice.send('SEND r1 bob :after');
	assert.match(await bob.waitForLine(/^MSG/), / alice bob r1 :after$/);
});
