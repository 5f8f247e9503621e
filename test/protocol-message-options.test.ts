import assert from 'node:assert/strict';
import {test} from 'node:test';
import {encodeSend, parseClientLine} from '../source/protocol/client-lines.js';
import {encodeMsg, encodeWelcome, parseHostLine} from '../source/protocol/host-lines.js';

test('a SEND without options is the line it always was', () => {
	assert.equal(encodeSend('m1', 'bob', 'hi'), 'SEND m1 bob :hi');
	assert.equal(encodeSend('m1', 'bob', 'hi', {}), 'SEND m1 bob :hi');
	assert.deepEqual(parseClientLine('SEND m1 bob :hi'), {
		kind: 'send',
		ref: 'm1',
		to: 'bob',
		text: 'hi',
	});
});

test('a SEND carries kind=action and more=N before its text, and the host reads them back', () => {
	const line = encodeSend('m2', 'bob', 'waves', {action: true, more: 2});
	assert.equal(line, 'SEND m2 bob kind=action more=2 :waves');
	assert.deepEqual(parseClientLine(line), {
		kind: 'send',
		ref: 'm2',
		to: 'bob',
		text: 'waves',
		options: {action: true, more: 2},
	});
});

test('any other parameter before the text is still bad-command: a SEND names no sender', () => {
	for (const line of [
		'SEND m3 bob alice :hi',
		'SEND m3 bob more=x :hi',
		'SEND m3 bob more=100 :hi',
		'SEND m3 bob kind=shout :hi',
	]) {
		assert.equal(parseClientLine(line).kind, 'bad', line);
	}
});

test('a MSG carries the options, and a client that knows none of them still reads the text', () => {
	const line = encodeMsg('17', 1000, 'alice', 'bob', 'm2', 'first line', {more: 1});
	assert.equal(line, 'MSG 17 1000 alice bob m2 more=1 :first line');
	const parsed = parseHostLine(line);
	assert.equal(parsed.kind, 'msg');
	assert.deepEqual(parsed.kind === 'msg' ? [parsed.text, parsed.options] : [], [
		'first line',
		{more: 1},
	]);
	// A newer host's option this build does not know: the message is read without options.
	const newer = parseHostLine('MSG 18 1000 alice bob m3 colour=red :hi');
	assert.equal(newer.kind === 'msg' ? newer.text : undefined, 'hi');
	assert.equal(newer.kind === 'msg' ? newer.options : 'not a msg', undefined);
});

test('WELCOME says the rate and burst after its fields; an old host says nothing', () => {
	const line = encodeWelcome('alice', 'tok', 60, {rate: 20, burst: 100});
	assert.equal(line, 'WELCOME alice tok 60 rate=20 burst=100');
	const parsed = parseHostLine(line);
	assert.deepEqual(parsed, {
		kind: 'welcome',
		name: 'alice',
		resumeToken: 'tok',
		graceSeconds: 60,
		pacing: {rate: 20, burst: 100},
	});
	assert.deepEqual(parseHostLine('WELCOME alice tok 60'), {
		kind: 'welcome',
		name: 'alice',
		resumeToken: 'tok',
		graceSeconds: 60,
	});
});
