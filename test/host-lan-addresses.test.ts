// The join hint `chat host` prints: LAN IPv4 first, then IPv6 (only when the host listens on
// IPv6 too), localhost as the fallback.

import assert from 'node:assert/strict';
import type {NetworkInterfaceInfo} from 'node:os';
import {test} from 'node:test';
import {joinCommands, lanAddresses} from '../source/host/lan-addresses.js';

function entry(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
	const base = {address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null};
	return family === 'IPv4' ? {...base, family} : {...base, family, scopeid: 0};
}

const interfaces = {
	lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
	eth0: [entry('fe80::1', 'IPv6'), entry('2001:db8::7', 'IPv6'), entry('192.168.1.7', 'IPv4')],
};

test('IPv4 LAN addresses first, then global IPv6; loopback and link-local left out', () => {
	assert.deepEqual(lanAddresses(interfaces), ['192.168.1.7', '2001:db8::7']);
});

test('no LAN address: localhost', () => {
	assert.deepEqual(lanAddresses({lo: interfaces.lo}), ['localhost']);
});

test('the join commands name the port, bracket IPv6, and use a specific bind address as is', () => {
	assert.deepEqual(joinCommands('::', 21_567, interfaces), [
		'chat join NAME@192.168.1.7:21567',
		'chat join NAME@[2001:db8::7]:21567',
	]);
	assert.deepEqual(joinCommands('127.0.0.1', 4000, interfaces), ['chat join NAME@127.0.0.1:4000']);
});

test('a host on 0.0.0.0 listens on IPv4 only, so it offers no IPv6 address', () => {
	assert.deepEqual(joinCommands('0.0.0.0', 21_567, interfaces), [
		'chat join NAME@192.168.1.7:21567',
	]);
	assert.deepEqual(joinCommands('0.0.0.0', 21_567, {lo: interfaces.lo}), [
		'chat join NAME@localhost:21567',
	]);
	assert.deepEqual(joinCommands('::1', 4000, interfaces), ['chat join NAME@[::1]:4000']);
});
