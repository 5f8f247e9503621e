import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {bindingLabel, keymap} from '../source/ui/keys/keymap.js';
import {helpRows} from '../source/ui/keys/help-rows.js';
import {keys, renderChat} from './helpers/render-chat.js';

afterEach(() => {
	cleanup();
});

test('F1 opens help drawn from the keymap; Esc closes it', async () => {
	const chat = renderChat({columns: 100, rows: 50});
	chat.client.welcome('alice', ['bob']);
	await chat.waitFor((frame) => frame.includes('bob'), 'the list');
	await chat.press(keys.f1);
	const frame = await chat.waitFor((frame) => frame.includes('Help:'), 'the overlay');
	for (const binding of keymap) {
		assert.ok(frame.includes(bindingLabel(binding)), `help lists ${bindingLabel(binding)}`);
		assert.ok(frame.includes(binding.description), `help explains ${binding.command}`);
	}
	assert.match(frame, /to:NAME/);
	await chat.press(keys.escape);
	await chat.waitFor((frame) => !frame.includes('Help:'), 'the overlay closed');
});

test('/help opens it too, and F1 toggles it shut', async () => {
	const chat = renderChat();
	chat.client.welcome('alice', ['bob']);
	await chat.submit('/help');
	await chat.waitFor((frame) => frame.includes('Help:'), 'the overlay');
	await chat.press(keys.f1);
	await chat.waitFor((frame) => !frame.includes('Help:'), 'closed');
});

test('on a short terminal the help pages with PgDn', async () => {
	const chat = renderChat({columns: 60, rows: 12});
	chat.client.welcome('alice', ['bob']);
	await chat.press(keys.f1);
	await chat.waitFor((frame) => frame.includes('Ctrl+N'), 'the first page');
	assert.doesNotMatch(chat.frame(), /Editing/);
	// Page on until the last row shows; however long the help grows, PgDn reaches its end.
	for (let page = 0; page < helpRows.length && !chat.frame().includes('Ctrl+K'); page++) {
		await chat.press(keys.pageDown);
	}
	await chat.waitFor(
		(frame) => frame.includes('Editing') || frame.includes('Ctrl+K'),
		'a later page',
	);
});

test('help rows are indented like the conversation, not against the list border', async () => {
	const chat = renderChat({columns: 100, rows: 50});
	chat.client.welcome('alice', ['bob']);
	await chat.press(keys.f1);
	const frame = await chat.waitFor((frame) => frame.includes('Help:'), 'the overlay');
	const plain = frame.replaceAll(/\u001B\[[\d;]*m/g, '');
	assert.match(plain, /│ Keys/);
	assert.match(plain, /│ Ctrl\+N +next user/);
	assert.doesNotMatch(plain, /│[^ \n]/);
});
