// The status bar names the host the client is logged in to: after a resume on another host of a
// cluster (`chat join alice@h1,h2`), that host, not the first address given.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('the status bar shows the host that took the login, and follows a resume to another', async () => {
	const chat = renderChat();
	chat.client.emit({type: 'welcome', name: 'alice', users: ['alice'], host: 'localhost:21567'});
	chat.client.emit({type: 'state', state: 'connected'});
	await chat.waitFor((frame) => frame.includes('alice @ localhost:21567'), 'the first host');
	chat.client.emit({type: 'state', state: 'reconnecting'});
	chat.client.emit({type: 'welcome', name: 'alice', users: ['alice'], host: 'h2.example:4000'});
	chat.client.emit({type: 'state', state: 'connected'});
	const frame = await chat.waitFor(
		(text) => text.includes('alice @ h2.example:4000'),
		'the second',
	);
	assert.doesNotMatch(frame, /localhost:21567/);
});
