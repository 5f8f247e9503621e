// The login rate per address (docs/protocol.md "Limits"): a burst of logins, then a steady rate;
// past it a login is refused in its face's form, and the connection closed.

import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {LoginRate} from '../source/host/login/login-rate.js';
import {
	DEFAULT_LOGIN_BURST,
	DEFAULT_LOGIN_RATE_PER_SECOND,
	DEFAULT_MAX_PER_ADDRESS,
} from '../source/protocol/limits.js';
import {PLAIN_PASSWORD_NEEDED} from '../source/protocol/plain-face.js';
import {connectRaw, loginPlain, loginStructured, wrapSocket} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const limits = {perSecond: 2, burst: 3, maxAddresses: 100};

test('a burst of logins at once, then one per 1/rate seconds', () => {
	const rate = new LoginRate(limits);
	for (let login = 0; login < 3; login++) assert.equal(rate.take('10.0.0.1', 0), 0);
	assert.equal(rate.take('10.0.0.1', 0), 500, 'the fourth waits half a second');
	assert.equal(rate.take('10.0.0.2', 0), 0, 'another address has its own bucket');
	const halfway = rate.take('10.0.0.1', 250);
	assert.ok(halfway >= 249 && halfway <= 251, `a refused try takes nothing: ${halfway}`);
	assert.equal(rate.take('10.0.0.1', 510), 0);
	assert.ok(rate.take('10.0.0.1', 510) > 400, 'and that login spent the bucket again');
});

test('a login given back is there again, never past the burst', () => {
	const rate = new LoginRate({...limits, burst: 1});
	assert.equal(rate.take('10.0.0.1', 0), 0);
	assert.ok(rate.take('10.0.0.1', 0) > 0);
	rate.giveBack('10.0.0.1');
	assert.equal(rate.take('10.0.0.1', 0), 0);
	rate.giveBack('10.0.0.1');
	rate.giveBack('10.0.0.1');
	assert.equal(rate.take('10.0.0.1', 0), 0);
	assert.ok(rate.take('10.0.0.1', 0) > 0, 'one login, not two');
});

test('a rate of 0 never refuses and remembers nobody', () => {
	const rate = new LoginRate({...limits, perSecond: 0});
	for (let login = 0; login < 1000; login++) assert.equal(rate.take('10.0.0.1', 0), 0);
	assert.equal(rate.size, 0);
});

test('an address is forgotten once its bucket is full again, and memory is bounded', () => {
	const rate = new LoginRate(limits);
	rate.take('10.0.0.1', 0);
	rate.take('10.0.0.2', 1000);
	assert.equal(rate.size, 2);
	// A burst of 3 at 2 a second is full again 1.5 s after the last login.
	rate.take('10.0.0.3', 1500);
	assert.equal(rate.size, 2, 'the first address, full again, is forgotten');
	for (let n = 0; n < 1000; n++) rate.take(`10.1.${n >> 8}.${n & 255}`, 2000);
	assert.equal(rate.size, 100);
});

test('the defaults: every connection an address may hold at once, then 2 logins a second', () => {
	assert.equal(DEFAULT_LOGIN_BURST, DEFAULT_MAX_PER_ADDRESS);
	assert.equal(DEFAULT_LOGIN_RATE_PER_SECOND, 2);
});

test('past the burst, a structured login is refused with too-many-logins and closed', async (t) => {
	const host = await startTestHost({loginRate: 0.1, loginBurst: 2});
	t.after(() => host.stop());
	await loginStructured(host.port, 'alice');
	await loginPlain(host.port, 'bob');
	const third = await connectRaw(host.port);
	third.send('HELLO 1 carol');
	assert.equal(
		await third.nextLine(),
		'REFUSED too-many-logins :too many logins from 127.0.0.1: try again in 10 s',
	);
	await third.closed;
	assert.ok(host.log.includes('refused 127.0.0.1: too-many-logins'));
	assert.equal(host.stats().users, 2, 'carol was never logged in');
});

test('a refused plain login reads one sentence', async (t) => {
	const host = await startTestHost({loginRate: 0.1, loginBurst: 1});
	t.after(() => host.stop());
	await loginPlain(host.port, 'alice');
	const second = await connectRaw(host.port);
	second.send('bob');
	assert.equal(
		await second.nextLine(),
		'Login refused: too many logins from 127.0.0.1: try again in 10 s',
	);
	await second.closed;
});

test('another address logs in while one is refused', async (t) => {
	const host = await startTestHost({loginRate: 0.5, loginBurst: 1});
	t.after(() => host.stop());
	await loginPlain(host.port, 'alice');
	const socket = net.connect({port: host.port, host: '127.0.0.1', localAddress: '127.0.0.2'});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('error', reject);
	});
	const other = wrapSocket(socket);
	other.send('bob');
	assert.equal(await other.nextLine(), 'Welcome!');
});

test('the rate refills: a refused address gets in again once a login is due', async (t) => {
	const host = await startTestHost({loginRate: 20, loginBurst: 1});
	t.after(() => host.stop());
	const alice = await loginPlain(host.port, 'alice');
	alice.send('quit');
	await alice.closed;
	// Every try in the wait is refused; one a twentieth of a second later gets in.
	const deadline = Date.now() + 5000;
	let refusals = 0;
	for (;;) {
		assert.ok(Date.now() < deadline, 'no login got in again');
		const again = await connectRaw(host.port);
		again.send('alice');
		const reply = await again.nextLine();
		if (reply === 'Welcome!') break;
		assert.match(reply, /^Login refused: too many logins from 127\.0\.0\.1: try again in 1 s$/);
		refusals++;
		await again.closed;
	}

	assert.equal(host.log.filter((line) => line.endsWith('too-many-logins')).length, refusals);
});

test('a password line and the name after it are one login', async (t) => {
	const host = await startTestHost({password: 'sesame', loginRate: 0.5, loginBurst: 1});
	t.after(() => host.stop());
	const alice = await connectRaw(host.port);
	alice.send('pass:sesame');
	alice.send('alice');
	assert.equal(await alice.nextLine(), 'Welcome!');
});

test('a try that hangs up while it waits for its password check gives its login back', async (t) => {
	const host = await startTestHost({
		password: 'sesame',
		passwordFailureDelayMs: 1000,
		passwordFailureMaxDelayMs: 1000,
		loginRate: 0.1,
		loginBurst: 3,
	});
	t.after(() => host.stop());
	const wrong = await connectRaw(host.port);
	wrong.send('HELLO 1 mallory password=guess');
	assert.match(await wrong.nextLine(), /^REFUSED password-wrong /);
	// This try waits a second for its turn, and hangs up first.
	const gone = await connectRaw(host.port);
	gone.send('HELLO 1 mallory password=guess');
	// Answered at once, and sent after it: once it is back, the try above is in line.
	const barrier = await connectRaw(host.port);
	barrier.send('alice');
	assert.equal(await barrier.nextLine(), PLAIN_PASSWORD_NEEDED);
	gone.destroy();
	await gone.closed;
	const deadline = Date.now() + 5000;
	while (host.stats().connections > 0 && Date.now() < deadline) {
		await new Promise((resolve) => setImmediate(resolve));
	}

	// Three logins were taken and one given back: this one is the third that counts.
	const right = await connectRaw(host.port);
	right.send('HELLO 1 alice password=sesame');
	assert.match(await right.nextLine(), /^WELCOME alice /);
});
