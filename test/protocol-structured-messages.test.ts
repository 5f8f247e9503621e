import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_ROSTER_LINE_BYTES} from '../source/protocol/limits.js';
import {
	encodeCoded,
	encodeDelivered,
	encodeFailed,
	encodeHeld,
	encodeHello,
	encodeMsg,
	encodePing,
	encodePong,
	encodePresence,
	encodeQuit,
	encodeRoster,
	encodeSend,
	encodeWelcome,
	isValidRef,
	parseClientLine,
	parseHostLine,
	encodeStoredMsg,
	msgOptions,
} from '../source/protocol/structured-messages.js';

test('host lines are encoded as in docs/protocol.md', () => {
	assert.equal(encodeWelcome('bot7', '6q3KJt2YpQ', 60), 'WELCOME bot7 6q3KJt2YpQ 60');
	assert.equal(encodePresence('JOIN', 'alice'), 'JOIN alice');
	assert.equal(
		encodeMsg(1_795_632_000_123_460n, 1_795_632_004_000, 'alice', 'bot7', undefined, 'hi bot'),
		'MSG 1795632000123460 1795632004000 alice bot7 - :hi bot',
	);
	assert.equal(encodeMsg('5', 6, 'a', 'b', 'm1', ''), 'MSG 5 6 a b m1 :');
	assert.equal(
		encodeDelivered('m1', 1_795_632_000_123_456, 1_795_632_000_123),
		'DELIVERED m1 1795632000123456 1795632000123',
	);
	assert.equal(encodeHeld('m1', 7, 8), 'HELD m1 7 8');
	assert.equal(
		encodeFailed('m2', 'no-such-user', 'the user carol does not exist'),
		'FAILED m2 no-such-user :the user carol does not exist',
	);
	assert.equal(encodeCoded('BYE', 'quit', 'goodbye'), 'BYE quit :goodbye');
	assert.equal(encodeCoded('REFUSED', 'name-taken', 'x'), 'REFUSED name-taken :x');
	assert.equal(encodePing('t'), 'PING t');
	assert.equal(encodePong('t'), 'PONG t');
});

test('what the host echoes back is cleaned like a text', () => {
	assert.equal(encodePong('t\u001B[2J\u2028x\u200B'), 'PONG t x');
	assert.equal(
		encodeCoded('REFUSED', 'version-unsupported', 'not 2\u001B]0;pwned\u0007\u2029MSG'),
		'REFUSED version-unsupported :not 2 MSG',
	);
});

test('the roster splits into lines under the roster limit, then USERS-END', () => {
	assert.deepEqual(encodeRoster(['alice', 'bot7']), ['USERS alice bot7', 'USERS-END']);
	assert.deepEqual(encodeRoster([]), ['USERS', 'USERS-END']);
	const names = Array.from({length: 1000}, (_, index) => `user${index}_张伟`);
	const lines = encodeRoster(names);
	assert.ok(lines.length > 3);
	assert.equal(lines.at(-1), 'USERS-END');
	const parsed: string[] = [];
	for (const line of lines.slice(0, -1)) {
		assert.ok(Buffer.byteLength(line) < MAX_ROSTER_LINE_BYTES);
		const result = parseHostLine(line);
		assert.equal(result.kind, 'users');
		if (result.kind === 'users') parsed.push(...result.names);
	}

	assert.deepEqual(parsed, names);
});

test('client lines are encoded as in docs/protocol.md', () => {
	assert.equal(encodeHello(1, {name: 'bot7'}), 'HELLO 1 bot7');
	assert.equal(
		encodeHello(1, {name: 'bob', password: 'pw', resume: 'tok', last: '42'}),
		'HELLO 1 bob password=pw resume=tok last=42',
	);
	assert.equal(encodeSend('m1', 'alice', 'hello from a bot'), 'SEND m1 alice :hello from a bot');
	assert.equal(encodeQuit(), 'QUIT');
});

test('every encoded host line parses back', () => {
	const cases: Array<[string, unknown]> = [
		[
			encodeWelcome('bot7', 'tok', 60),
			{kind: 'welcome', name: 'bot7', resumeToken: 'tok', graceSeconds: 60},
		],
		['USERS-END', {kind: 'users-end'}],
		[encodePresence('LEAVE', 'a'), {kind: 'leave', name: 'a'}],
		[encodePresence('AWAY', 'a'), {kind: 'away', name: 'a'}],
		[encodePresence('BACK', 'a'), {kind: 'back', name: 'a'}],
		[
			encodeMsg(12, 34, 'alice', 'bob', 'r.1', 'hi :) you'),
			{kind: 'msg', id: '12', time: 34, from: 'alice', to: 'bob', ref: 'r.1', text: 'hi :) you'},
		],
		[
			encodeMsg(12, 34, 'alice', 'bob', undefined, ''),
			{kind: 'msg', id: '12', time: 34, from: 'alice', to: 'bob', ref: undefined, text: ''},
		],
		[encodeDelivered('m1', 5, 6), {kind: 'delivered', ref: 'm1', id: '5', time: 6}],
		[encodeHeld('m1', 5, 6), {kind: 'held', ref: 'm1', id: '5', time: 6}],
		[encodeFailed('m1', 'self', 'no'), {kind: 'failed', ref: 'm1', code: 'self', reason: 'no'}],
		[encodeCoded('ERROR', 'flood', 'slow'), {kind: 'error', code: 'flood', reason: 'slow'}],
		[encodeCoded('REFUSED', 'name-taken', 'x'), {kind: 'refused', code: 'name-taken', reason: 'x'}],
		[encodeCoded('BYE', 'quit', 'goodbye'), {kind: 'bye', code: 'quit', reason: 'goodbye'}],
		[encodePing('abc'), {kind: 'ping', token: 'abc'}],
		[encodePong('abc'), {kind: 'pong', token: 'abc'}],
	];
	for (const [line, expected] of cases) assert.deepEqual(parseHostLine(line), expected, line);
});

test('malformed or unknown host lines are reported, not thrown', () => {
	for (const line of [
		'MSG 1 2 a b',
		'MSG x 2 a b - :t',
		'DELIVERED m1 x 5',
		'WELCOME a b',
		'JOIN',
	]) {
		const result = parseHostLine(line);
		assert.equal(result.kind, 'bad', line);
	}

	assert.deepEqual(parseHostLine('NOTICE x'), {kind: 'unknown', verb: 'NOTICE'});
	assert.deepEqual(parseHostLine('BYE shutdown'), {kind: 'bye', code: 'shutdown', reason: ''});
});

test('HELLO with options', () => {
	assert.deepEqual(parseClientLine('HELLO 1 bot7'), {kind: 'hello', version: '1', name: 'bot7'});
	assert.deepEqual(parseClientLine('HELLO 2 bob password=a=b resume=t last=9 future=x'), {
		kind: 'hello',
		version: '2',
		name: 'bob',
		password: 'a=b',
		resume: 't',
		last: '9',
	});
});

test('bad HELLO lines say what is wrong', () => {
	assert.deepEqual(parseClientLine('HELLO 1'), {
		kind: 'bad',
		verb: 'HELLO',
		reason: 'HELLO needs a version and a name: HELLO 1 <name>',
	});
	assert.match(reasonOf(parseClientLine('HELLO 1 bob resume')), /resume needs a value/);
	assert.match(reasonOf(parseClientLine('HELLO 1 bob password=')), /password needs a value/);
	assert.match(reasonOf(parseClientLine('HELLO 1 bob last=abc')), /last= needs a message id/);
});

function reasonOf(line: ReturnType<typeof parseClientLine>): string {
	assert.equal(line.kind, 'bad');
	return line.kind === 'bad' ? line.reason : '';
}

test('SEND, with a trailing or a one-word text', () => {
	assert.deepEqual(parseClientLine('SEND m1 alice :hello: there'), {
		kind: 'send',
		ref: 'm1',
		to: 'alice',
		text: 'hello: there',
	});
	assert.deepEqual(parseClientLine('SEND m1 alice :'), {
		kind: 'send',
		ref: 'm1',
		to: 'alice',
		text: '',
	});
	assert.deepEqual(parseClientLine('SEND m1 alice hi'), {
		kind: 'send',
		ref: 'm1',
		to: 'alice',
		text: 'hi',
	});
});

test('bad SEND lines', () => {
	for (const line of [
		'SEND',
		'SEND m1',
		'SEND m1 alice',
		'SEND m1 alice two words',
		'SEND m1 a b :x',
	]) {
		assert.match(reasonOf(parseClientLine(line)), /SEND needs a ref, a name and a text/, line);
	}

	assert.match(reasonOf(parseClientLine('SEND m/1 alice :x')), /a ref is 1 to 32/);
	assert.match(reasonOf(parseClientLine(`SEND ${'r'.repeat(33)} alice :x`)), /a ref is 1 to 32/);
});

test('the ref - is reserved for MSG lines from plain senders', () => {
	assert.equal(isValidRef('-'), false);
	assert.equal(
		reasonOf(parseClientLine('SEND - alice :x')),
		"the ref - is reserved: MSG marks a plain sender's message with it",
	);
	for (const ref of ['--', '-1', 'a-']) {
		assert.equal(isValidRef(ref), true, ref);
		assert.equal(parseClientLine(`SEND ${ref} alice :x`).kind, 'send', ref);
	}
});

test('PING, PONG, QUIT and unknown verbs', () => {
	assert.deepEqual(parseClientLine('PING 123'), {kind: 'ping', token: '123'});
	assert.deepEqual(parseClientLine('PONG :abc'), {kind: 'pong', token: 'abc'});
	assert.deepEqual(parseClientLine('PING'), {kind: 'ping', token: ''});
	assert.deepEqual(parseClientLine('QUIT'), {kind: 'quit'});
	assert.deepEqual(parseClientLine('QUIT :bye now'), {kind: 'quit'});
	assert.deepEqual(parseClientLine('send m1 a :x'), {kind: 'unknown', verb: 'send'});
	assert.deepEqual(parseClientLine('WHO'), {kind: 'unknown', verb: 'WHO'});
});

test('refs are 1 to 32 of A-Z a-z 0-9 . _ -', () => {
	for (const ref of ['a', 'M1', 'x.y_z-0', 'r'.repeat(32)])
		assert.equal(isValidRef(ref), true, ref);
	for (const ref of ['', '-'.repeat(33), 'a b', 'a:b', 'é', 'a/b'])
		assert.equal(isValidRef(ref), false, ref);
});

test('a stored MSG carries its options after the flag, and msgOptions reads them back', () => {
	const line = encodeStoredMsg('7', 1, 'alice', 'bob', 'r1', 'waves :)', {action: true, more: 2});
	assert.equal(line, 'MSG 7 1 alice bob r1 stored kind=action more=2 :waves :)');
	assert.deepEqual(msgOptions(line), {action: true, more: 2});
	assert.deepEqual(parseHostLine(line), {
		kind: 'msg',
		id: '7',
		time: 1,
		from: 'alice',
		to: 'bob',
		ref: 'r1',
		text: 'waves :)',
		options: {action: true, more: 2},
		stored: true,
	});
	assert.equal(
		encodeStoredMsg('7', 1, 'alice', 'bob', undefined, 'hi'),
		'MSG 7 1 alice bob - stored :hi',
	);
	assert.equal(msgOptions('MSG 7 1 alice bob - stored :more=1 in the text'), undefined);
	assert.deepEqual(msgOptions(encodeMsg('8', 1, 'alice', 'bob', 'r2', 'x', {more: 0})), {more: 0});
});
