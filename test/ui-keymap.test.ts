import assert from 'node:assert/strict';
import {test} from 'node:test';
import {bindingLabel, commandForKey, keyLabel, keymap} from '../source/ui/keys/keymap.js';

test('every key is bound to exactly one command', () => {
	const seen = new Map<string, string>();
	for (const binding of keymap) {
		for (const id of binding.keys) {
			assert.equal(seen.get(id), undefined, `${id} is bound twice`);
			seen.set(id, binding.command);
		}
	}
});

test('the issue keys map to their commands', () => {
	assert.equal(commandForKey('ctrl+n'), 'next-user');
	assert.equal(commandForKey('ctrl+p'), 'previous-user');
	for (let digit = 1; digit <= 9; digit++)
		assert.equal(commandForKey(`alt+${digit}`), 'jump-to-user');
	assert.equal(commandForKey('alt+a'), 'next-unread');
	assert.equal(commandForKey('pageup'), 'scroll-up');
	assert.equal(commandForKey('pagedown'), 'scroll-down');
	assert.equal(commandForKey('up'), 'history-previous');
	assert.equal(commandForKey('down'), 'history-next');
	assert.equal(commandForKey('tab'), 'complete-name');
	assert.equal(commandForKey('f1'), 'toggle-help');
	assert.equal(commandForKey('ctrl+c'), 'quit');
	assert.equal(commandForKey('ctrl+d'), 'quit-or-delete');
	assert.equal(commandForKey('escape'), 'close-overlay');
	assert.equal(commandForKey('x'), undefined);
});

test('labels are written for people', () => {
	assert.equal(keyLabel('ctrl+n'), 'Ctrl+N');
	assert.equal(keyLabel('pageup'), 'PgUp');
	assert.equal(keyLabel('alt+backspace'), 'Alt+Backspace');
	const jump = keymap.find((binding) => binding.command === 'jump-to-user');
	assert.ok(jump);
	assert.equal(bindingLabel(jump), 'Alt+1 … Alt+9');
	const start = keymap.find((binding) => binding.command === 'line-start');
	assert.ok(start);
	assert.equal(bindingLabel(start), 'Home / Ctrl+A');
});
