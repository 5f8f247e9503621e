import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {displayWidth} from '../source/ui/state/text-width.js';
import {renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

const at = (hours: number, minutes: number) => new Date(2026, 10, 25, hours, minutes).getTime();

test('a spinner with the address shows until the host welcomes us', async () => {
	const chat = renderChat();
	await chat.waitFor(
		(frame) => frame.includes('connecting to localhost:21567 as alice'),
		'spinner',
	);
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('alice @ localhost:21567'), 'the chat screen');
	assert.doesNotMatch(chat.frame(), /connecting to/);
});

test('the full screen: user list, conversation, input prompt and status bar', async () => {
	const chat = renderChat({columns: 80, rows: 24});
	chat.client.welcome('alice', ['bob', 'carol']);
	await chat.waitFor((frame) => frame.includes('bob'), 'the user list');
	await chat.submit('to:bob');
	chat.client.message('bob', 'hi alice', at(18, 40));
	const frame = await chat.waitFor((frame) => frame.includes('hi alice'), 'the message');
	const lines = frame.split('\n');
	assert.equal(lines.length, 23, 'the root is one row shorter than the terminal');
	for (const line of lines)
		assert.ok(displayWidth(line.replaceAll(/\u001B\[[\d;]*m/g, '')) <= 80, line);
	assert.match(frame, /›1 bob/);
	assert.match(frame, /^ {3}carol/m, 'carol listed, with no conversation and no number');
	assert.match(frame, /18:40 bob: hi alice/);
	assert.match(frame, /Wed 25 Nov 2026/);
	assert.match(lines.at(-2) ?? '', /^to bob>/);
	assert.match(lines.at(-1) ?? '', /alice @ localhost:21567 │ connected │ 3 online │ F1 help/);
});

test('without a partner the prompt shows the hint', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	const frame = await chat.waitFor(
		(frame) => frame.includes('choose who to chat with'),
		'the hint',
	);
	assert.match(frame, /type to:NAME or press Ctrl\+N/);
});

test('away and offline users are marked; the connection state shows', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob', 'carol']);
	chat.client.message('carol', 'bye');
	chat.client.emit({type: 'user-away', name: 'bob'}, {type: 'user-left', name: 'carol'});
	const marked = await chat.waitFor((frame) => frame.includes('carol off'), 'the marks');
	assert.match(marked, /bob away/);
	chat.client.emit({type: 'state', state: 'reconnecting', detail: 'retrying in 4 s'});
	const frame = await chat.waitFor((frame) => frame.includes('reconnecting'), 'reconnecting');
	// Away from the host presence is not known (ui-event-lines.test.tsx).
	assert.match(frame, /bob \?/);
	assert.match(frame, /carol \?/);
	assert.match(frame, /reconnecting \(retrying in 4 s\)/);
	assert.doesNotMatch(frame, /online/, 'away from the host the count is not known');
	chat.client.emit({type: 'state', state: 'connected'});
	const back = await chat.waitFor((frame) => frame.includes('│ connected'), 'connected again');
	assert.match(back, /2 online/, 'you and bob, who is away');
	assert.match(back, /bob away/);
	assert.match(back, /carol off/);
});

test('on a narrow terminal the status bar shortens your name and host, not its separators', async () => {
	const chat = renderChat({columns: 40, rows: 12});
	chat.client.welcome('alice', ['bob']);
	const frame = await chat.waitFor((frame) => frame.includes('F1 help'), 'the status bar');
	const status = frame.split('\n').at(-1) ?? '';
	assert.match(status, /^ al\S*… │ connected │ 2 online │ F1 help/);
	assert.ok(displayWidth(status.replaceAll(/\u001B\[[\d;]*m/g, '')) <= 40, status);
});
