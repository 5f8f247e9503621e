// While reconnecting the status bar counts down to the next try, second by second, on the
// screen's clock; a name someone else has now is explained, and the client keeps trying.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {retryCountdown} from '../source/ui/state/retry-countdown.js';
import {renderChat, waitUntil} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('retrying in N s ticks down as the clock moves', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('connected'), 'connected');
	const retryAt = chat.clock.now() + 4000;
	chat.client.emit({type: 'state', state: 'reconnecting', detail: 'retrying in 4 s', retryAt});
	await chat.waitFor((frame) => frame.includes('reconnecting (retrying in 4 s)'), '4 s');
	await waitUntil(() => chat.clock.tickers() > 0, 'the countdown ticking');
	for (const seconds of [3, 2, 1]) {
		chat.clock.advance(1000);
		await chat.waitFor(
			(frame) => frame.includes(`reconnecting (retrying in ${seconds} s)`),
			`${seconds} s`,
		);
	}
	chat.clock.advance(1000);
	await chat.waitFor((frame) => frame.includes('reconnecting (retrying now)'), 'now');
	chat.client.emit({type: 'state', state: 'connecting'});
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('│ connected │'), 'connected again');
	await waitUntil(() => chat.clock.tickers() === 0, 'the countdown stopped');
});

test('the countdown before the first login ticks on the connecting screen too', async () => {
	const chat = renderChat();
	const retryAt = chat.clock.now() + 2000;
	chat.client.emit({type: 'state', state: 'connecting', detail: 'retrying in 2 s', retryAt});
	await chat.waitFor((frame) => frame.includes('retrying in 2 s'), '2 s');
	await waitUntil(() => chat.clock.tickers() > 0, 'the countdown ticking');
	chat.clock.advance(1000);
	await chat.waitFor((frame) => frame.includes('retrying in 1 s'), '1 s');
});

test('a name taken while away: the notice explains, the countdown goes on, no exit', async () => {
	const chat = renderChat({columns: 120});
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('connected'), 'connected');
	const why = 'the name alice is in use on localhost:21567 (taken while you were away?)';
	const retryAt = chat.clock.now() + 8000;
	chat.client.emit({type: 'state', state: 'reconnecting', detail: why, retryAt, why});
	const frame = await chat.waitFor((frame) => frame.includes('chat keeps trying'), 'notice');
	assert.match(
		frame,
		/the name alice is in use on localhost:21567 \(taken while you were away\?\); chat keeps trying \(\/quit to stop\)/,
	);
	assert.match(frame, /retrying in 8 s/);
	assert.deepEqual(chat.outcomes, []);
	// In again once the name is free: the notice no longer says chat is trying.
	chat.client.emit({type: 'state', state: 'connecting'});
	chat.client.welcome('alice', ['bob']);
	const back = await chat.waitFor((frame) => frame.includes('│ connected │'), 'connected again');
	assert.doesNotMatch(back, /chat keeps trying/);
});

test('a notice of its own is not cleared by a reconnect', async () => {
	const chat = renderChat({columns: 120});
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('connected'), 'connected');
	chat.client.emit({type: 'error', code: 'unknown-user', message: 'bob is not a user here'});
	await chat.waitFor((frame) => frame.includes('bob is not a user here'), 'the error');
	chat.client.emit({type: 'state', state: 'reconnecting', detail: 'retrying in 1 s'});
	await chat.waitFor((frame) => frame.includes('reconnecting'), 'reconnecting');
	chat.client.welcome('alice', ['bob']);
	const back = await chat.waitFor((frame) => frame.includes('│ connected │'), 'connected again');
	assert.match(back, /bob is not a user here/);
});

test('retryCountdown rounds up, so it never says 0 s before the try', () => {
	assert.equal(retryCountdown(10_000, 9001), 'retrying in 1 s');
	assert.equal(retryCountdown(10_000, 10_000), 'retrying now');
	assert.equal(retryCountdown(10_000, 5500, 'taken'), 'taken: retrying in 5 s');
});
