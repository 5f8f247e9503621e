// `chat host` limit flags become HostOptions in the limits' own units, or one clear sentence.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {hostOptionsFromFlags} from '../source/cli/host-flags.js';
import {helpLines} from '../source/cli/usage-text.js';

test('flags convert seconds to ms and KiB to bytes', () => {
	const result = hostOptionsFromFlags({
		port: '0',
		bind: '127.0.0.1',
		maxPerAddress: '0',
		rate: '2.5',
		burst: '7',
		floodAfter: '3',
		loginTimeout: '0.5',
		pingAfter: '15',
		pongTimeout: '5',
		resumeGrace: '0',
		maxQueue: '64',
		maxHeld: '10',
	});
	assert.deepEqual(result, {
		ok: true,
		options: {
			port: 0,
			bind: '127.0.0.1',
			maxPerAddress: 0,
			rate: 2.5,
			burst: 7,
			floodDisconnectMs: 3000,
			loginTimeoutMs: 500,
			pingAfterSilenceMs: 15_000,
			pongTimeoutMs: 5000,
			resumeGraceMs: 0,
			maxOutboundBytes: 65_536,
			maxHeldMessages: 10,
		},
	});
});

test('--max-pre-login is a count, 0 for no cap', () => {
	assert.deepEqual(hostOptionsFromFlags({maxPreLogin: '100'}), {
		ok: true,
		options: {maxPreLogin: 100},
	});
	assert.deepEqual(hostOptionsFromFlags({maxPreLogin: '-1'}), {
		ok: false,
		error: '--max-pre-login must be at least 0, not -1',
	});
});

test('--max-connections is a whole count, 0 for no limit', () => {
	assert.deepEqual(hostOptionsFromFlags({maxConnections: '0'}), {
		ok: true,
		options: {maxConnections: 0},
	});
	assert.deepEqual(hostOptionsFromFlags({maxConnections: '1.5'}), {
		ok: false,
		error: "--max-connections needs a whole number, not '1.5'",
	});
});

test('no flags: no options, so every limit keeps its default', () => {
	assert.deepEqual(hostOptionsFromFlags({}), {ok: true, options: {}});
});

test('bad values get one sentence naming the flag', () => {
	const cases: Array<[Record<string, string>, string]> = [
		[{port: 'abc'}, "--port needs a whole number, not 'abc'"],
		[{port: '65536'}, '--port must be 0 to 65535, not 65536'],
		[{burst: '0'}, '--burst must be at least 1, not 0'],
		[{rate: '-1'}, '--rate must be at least 0, not -1'],
		[{maxHeld: '1.5'}, "--max-held needs a whole number, not '1.5'"],
		[{port: '0x10'}, "--port needs a whole number, not '0x10'"],
		[{rate: '1e3'}, "--rate needs a number, not '1e3'"],
		[{rate: '.5'}, "--rate needs a number, not '.5'"],
		[{loginTimeout: ''}, "--login-timeout needs a number, not ''"],
		[{bind: ' '}, '--bind needs an address, for example --bind 127.0.0.1'],
	];
	for (const [flags, error] of cases)
		assert.deepEqual(hostOptionsFromFlags(flags), {ok: false, error});
});

test('the help lists every flag once, aligned', () => {
	const [lines = []] = helpLines(['limits'], 2);
	// 16, and --mailbox-size, --mailbox-bytes, --message-expiry (the store; --data is with access).
	assert.equal(lines.length, 19);
	const columns = new Set(
		lines.map((line) => /^ {2}--[a-z-]+(?: [A-Z]+)?\s+/.exec(line)?.[0].length),
	);
	assert.ok(!columns.has(undefined));
	assert.equal(columns.size, 1);
});
