import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseAddress} from '../source/client/parse-address.js';

function parsed(raw: string) {
	const result = parseAddress(raw);
	assert.ok(result.ok, result.ok ? '' : result.error);
	return result.address;
}

function error(raw: string): string {
	const result = parseAddress(raw);
	assert.equal(result.ok, false, `${raw} should be refused`);
	return result.ok ? '' : result.error;
}

test('name@host:port', () => {
	assert.deepEqual(parsed('alice@chat.example:4000'), {
		name: 'alice',
		host: 'chat.example',
		port: 4000,
	});
});

test('name@host uses port 21567', () => {
	assert.deepEqual(parsed('alice@10.0.0.7'), {name: 'alice', host: '10.0.0.7', port: 21_567});
});

test('a bare name connects to localhost', () => {
	assert.deepEqual(parsed('alice'), {name: 'alice', host: 'localhost', port: 21_567});
});

test('IPv6 in brackets, with and without a port', () => {
	assert.deepEqual(parsed('alice@[::1]:21567'), {name: 'alice', host: '::1', port: 21_567});
	assert.deepEqual(parsed('alice@[fe80::1]:9'), {name: 'alice', host: 'fe80::1', port: 9});
	assert.deepEqual(parsed('alice@[::1]'), {name: 'alice', host: '::1', port: 21_567});
});

test('non-ASCII names are accepted in NFC form', () => {
	assert.equal(parsed('张伟@host').name, '张伟');
	assert.equal(parsed('E\u0301mile').name, '\u00c9mile');
});

test('a missing name is refused', () => {
	assert.equal(error('@host:21567'), "bad address '@host:21567': the name before '@' is missing");
	assert.match(error(''), /^missing address/);
});

test('an invalid name is refused with the name rule that failed', () => {
	assert.match(error('al ice@host'), /^invalid name al ice: it contains a space$/);
	assert.match(error('alice:x@host'), /^invalid name alice:x: it contains ':'$/);
});

test('a bad port is refused', () => {
	for (const raw of ['alice@host:', 'alice@host:0', 'alice@host:65536', 'alice@host:12ab']) {
		assert.match(error(raw), /the port must be a number from 1 to 65535/, raw);
	}

	assert.match(error('alice@[::1]:x'), /the port must be a number/);
});

test('an unclosed bracket is refused', () => {
	assert.match(error('alice@[::1:21567'), /the bracket after '@' is not closed/);
});

test('IPv6 without brackets is refused with an example', () => {
	assert.equal(
		error('alice@::1'),
		"bad address 'alice@::1': put an IPv6 address in brackets, for example alice@[::1]",
	);
});

test('a missing host is refused', () => {
	assert.match(error('alice@'), /the host after '@' is missing/);
	assert.match(error('alice@:4000'), /the host after '@' is missing/);
	assert.match(error('alice@[]'), /the host after '@' is missing/);
});

test('junk after the bracket is refused', () => {
	assert.match(error('alice@[::1]x'), /expected ':port' after '\]'/);
});

test('every error is one line', () => {
	for (const raw of ['', '@x', 'a@', 'a@h:0', 'a@[::1', 'a b', 'a@::1']) {
		assert.doesNotMatch(error(raw), /\n/);
	}
});
