// The host password (docs/protocol.md "Password") on both faces, over real TCP: required, wrong,
// right, checked before the name, and slower after repeated failures from one address.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {connectRaw, loginPlain, loginStructured, type RawClient} from './helpers/raw-client.js';
import {startTestHost} from './helpers/start-host.js';

const SECRET = 'op3n-s3same';

async function refusalOf(client: RawClient, line: string): Promise<string> {
	client.send(line);
	const answer = await client.nextLine();
	await client.closed;
	return answer;
}

test('structured face: no password, a wrong one and the right one', async (t) => {
	const host = await startTestHost({password: SECRET});
	t.after(() => host.stop());
	assert.equal(
		await refusalOf(await connectRaw(host.port), 'HELLO 1 alice'),
		'REFUSED password-required :this host needs a password: HELLO 1 <name> password=PASSWORD',
	);
	assert.equal(
		await refusalOf(await connectRaw(host.port), 'HELLO 1 alice password=guess'),
		'REFUSED password-wrong :wrong password',
	);
	const alice = await loginStructured(host.port, 'alice', ` password=${SECRET}`);
	assert.deepEqual(alice.roster, ['alice']);
});

test('plain face: pass:SECRET first, then the name', async (t) => {
	const host = await startTestHost({password: SECRET});
	t.after(() => host.stop());
	assert.equal(
		await refusalOf(await connectRaw(host.port), 'alice'),
		'This host needs a password: send pass:PASSWORD first, then your name',
	);
	assert.equal(await refusalOf(await connectRaw(host.port), 'pass:guess'), 'Wrong password');

	const alice = await connectRaw(host.port);
	alice.send(`pass:${SECRET}`);
	alice.send('alice');
	assert.equal(await alice.nextLine(), 'Welcome!');
	// After the login `pass:` is text like any other.
	const bob = await connectRaw(host.port);
	bob.sendRaw(`pass:${SECRET}\nbob\nto:alice\npass:${SECRET}\n`);
	assert.equal(await bob.nextLine(), 'Welcome!');
	assert.match(await alice.nextLine(), new RegExp(`^\\[[^\\]]+\\] bob: pass:${SECRET}$`));
});

test('the password is checked before the name: a taken name with a wrong password hears "wrong"', async (t) => {
	const host = await startTestHost({password: SECRET});
	t.after(() => host.stop());
	await loginStructured(host.port, 'alice', ` password=${SECRET}`);
	assert.equal(
		await refusalOf(await connectRaw(host.port), 'HELLO 1 alice password=guess'),
		'REFUSED password-wrong :wrong password',
	);
	assert.match(
		await refusalOf(await connectRaw(host.port), 'HELLO 1 alice'),
		/^REFUSED password-required /,
	);
	const plain = await connectRaw(host.port);
	plain.sendRaw('pass:guess\nalice\n');
	assert.equal(await plain.nextLine(), 'Wrong password');
	await plain.closed;
	assert.deepEqual(plain.lines, ['Wrong password'], 'nothing about the name');
	// With the right password the name rules apply as usual.
	assert.equal(
		await refusalOf(await connectRaw(host.port), `HELLO 1 alice password=${SECRET}`),
		'REFUSED name-taken :the name alice is taken',
	);
});

test('a host without a password ignores one', async (t) => {
	const host = await startTestHost();
	t.after(() => host.stop());
	await loginStructured(host.port, 'alice', ' password=anything');
	const bob = await connectRaw(host.port);
	bob.sendRaw('pass:anything\nbob\n');
	assert.equal(await bob.nextLine(), 'Welcome!');
	await loginPlain(host.port, 'carol');
});

/** Sends `line` on a new connection; when it was sent and when its one answer came. */
async function timeAnswer(
	port: number,
	line: string,
): Promise<{answer: string; sentAt: number; answeredAt: number}> {
	const client = await connectRaw(port);
	const sentAt = performance.now();
	client.send(line);
	const answer = await client.nextLine();
	const answeredAt = performance.now();
	client.destroy();
	return {answer, sentAt, answeredAt};
}

test('repeated failures from one address wait longer and longer, up to the cap', async (t) => {
	const host = await startTestHost({
		password: SECRET,
		passwordFailureDelayMs: 40,
		passwordFailureMaxDelayMs: 160,
	});
	t.after(() => host.stop());
	// After n failures the next check runs delay · 2^(n-1) (capped) after the n-th failure, which
	// the host saw after that try was sent: a bound timers cannot undercut (but by rounding).
	const expected = [0, 40, 80, 160, 160];
	let previousSent = performance.now();
	for (const [index, least] of expected.entries()) {
		const face = index % 2 === 0 ? 'HELLO 1 mallory password=guess' : 'pass:guess';
		const {answer, sentAt, answeredAt} = await timeAnswer(host.port, face);
		assert.match(answer, /password-wrong|Wrong password/);
		const waited = answeredAt - previousSent;
		assert.ok(
			waited >= least - 2,
			`try ${index + 1}: ${waited.toFixed(1)} ms, expected ≥ ${least}`,
		);
		previousSent = sentAt;
	}

	// A right password from the guessing address waits its turn too, so a right guess answers no
	// sooner than a wrong one; then the address is clear again.
	const right = await timeAnswer(host.port, `HELLO 1 alice password=${SECRET}`);
	assert.match(right.answer, /^WELCOME alice /);
	assert.ok(right.answeredAt - previousSent >= 160 - 2, 'the right password waited too');
	const after = await timeAnswer(host.port, 'HELLO 1 bob password=typo');
	assert.equal(after.answer, 'REFUSED password-wrong :wrong password');
});

test('parallel guesses from one address queue up instead of running side by side', async (t) => {
	const host = await startTestHost({
		password: SECRET,
		passwordFailureDelayMs: 30,
		passwordFailureMaxDelayMs: 30,
	});
	t.after(() => host.stop());
	const first = await timeAnswer(host.port, 'pass:first-guess');
	const answers = await Promise.all(
		[1, 2, 3, 4].map(async (n) => timeAnswer(host.port, `pass:guess-${n}`)),
	);
	for (const {answer} of answers) assert.equal(answer, 'Wrong password');
	// Four tries, each in its own 30 ms slot after the first failure.
	const last = Math.max(...answers.map(({answeredAt}) => answeredAt));
	const total = last - first.sentAt;
	assert.ok(total >= 4 * 30 - 2, `four parallel guesses took ${total.toFixed(1)} ms`);
});

test('lines sent while the password waits are handled in order once it is accepted', async (t) => {
	const host = await startTestHost({
		password: SECRET,
		passwordFailureDelayMs: 30,
		passwordFailureMaxDelayMs: 30,
	});
	t.after(() => host.stop());
	const carol = await connectRaw(host.port);
	carol.sendRaw(`pass:${SECRET}\ncarol\n`);
	assert.equal(await carol.nextLine(), 'Welcome!');
	// This address must now wait; the name and a first message go ahead of the verdict.
	const failure = await timeAnswer(host.port, 'pass:guess');
	const alice = await connectRaw(host.port);
	alice.sendRaw(`pass:${SECRET}\nalice\nto:carol\nhello carol\n`);
	assert.equal(await alice.nextLine(), 'Welcome!');
	assert.ok(performance.now() - failure.sentAt >= 30 - 2, 'the check did wait');
	assert.match(await carol.nextLine(), /^\[[^\]]+\] alice: hello carol$/);
});

test('a client that sends many lines before its password is checked is cut off', async (t) => {
	const host = await startTestHost({
		password: SECRET,
		passwordFailureDelayMs: 200,
		passwordFailureMaxDelayMs: 200,
	});
	t.after(() => host.stop());
	await timeAnswer(host.port, 'pass:guess');
	const client = await connectRaw(host.port);
	client.sendRaw(`pass:${SECRET}\n` + 'spam\n'.repeat(40));
	assert.match(await client.nextLine(), /^Disconnected: more than 32 lines before the password/);
	await client.closed;
	const bot = await connectRaw(host.port);
	bot.sendRaw(`HELLO 1 bot password=${SECRET}\n` + 'PING x\n'.repeat(40));
	assert.match(await bot.nextLine(), /^BYE flood :more than 32 lines before the password/);
	await bot.closed;
});
