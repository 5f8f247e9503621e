// IPv6 is counted per /64 wherever the host counts addresses (docs/protocol.md "Limits", "What one
// address is"): the connection cap and the login rate, as password failures already were.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {AddressCaps} from '../source/host/connection/address-caps.js';
import {LoginRate} from '../source/host/login/login-rate.js';
import {startHost} from '../source/host/start-host.js';
import {connectRaw} from './helpers/raw-client.js';

test('connections from one /64 share one cap; another /64 has its own', () => {
	const caps = new AddressCaps(2);
	assert.equal(caps.admit('2001:db8:1:2::1'), true);
	assert.equal(caps.admit('2001:db8:1:2:ffff:ffff:ffff:fffe'), true);
	assert.equal(caps.admit('2001:db8:1:2::3'), false, 'a third address of the same /64');
	assert.equal(caps.admit('2001:db8:1:3::1'), true, 'the next /64');
	assert.equal(caps.count('2001:db8:1:2::99'), 2);
	caps.release('2001:db8:1:2::1');
	assert.equal(caps.admit('2001:db8:1:2::4'), true);
});

test('an IPv4-mapped address counts as the IPv4 address', () => {
	const caps = new AddressCaps(1);
	assert.equal(caps.admit('192.0.2.7'), true);
	assert.equal(caps.admit('::ffff:192.0.2.7'), false);
});

test('logins from one /64 share one bucket', () => {
	const rate = new LoginRate({perSecond: 1, burst: 2, maxAddresses: 100});
	assert.equal(rate.take('2001:db8:1:2::1', 0), 0);
	assert.equal(rate.take('2001:db8:1:2::2', 0), 0);
	assert.ok(rate.take('2001:db8:1:2:abcd::3', 0) > 0, 'a fresh address in the /64 is no escape');
	assert.equal(rate.take('2001:db8:1:3::1', 0), 0);
});

test('over IPv6 loopback, a login past the rate is refused naming the /64', async (t) => {
	const host = await startHost({port: 0, bind: '::1', loginRate: 0.1, loginBurst: 1});
	t.after(() => host.close());
	const first = await connectRaw(host.port, {host: '::1'});
	first.send('alice');
	assert.equal(await first.nextLine(), 'Welcome!');
	const second = await connectRaw(host.port, {host: '::1'});
	second.send('HELLO 1 bob');
	assert.equal(
		await second.nextLine(),
		'REFUSED too-many-logins :too many logins from 0:0:0:0::/64: try again in 10 s',
	);
	await second.closed;
});

test('over IPv6 loopback, the connection cap counts the /64', async (t) => {
	const host = await startHost({port: 0, bind: '::1', maxPerAddress: 1});
	t.after(() => host.close());
	const first = await connectRaw(host.port, {host: '::1'});
	first.send('alice');
	assert.equal(await first.nextLine(), 'Welcome!');
	const second = await connectRaw(host.port, {host: '::1'});
	assert.match(await second.nextLine(), /^REFUSED too-many-connections /);
	await second.closed;
});
