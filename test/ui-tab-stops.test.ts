import assert from 'node:assert/strict';
import {test} from 'node:test';
import {expandTabs, TAB_WIDTH} from '../source/ui/state/tab-stops.js';
import {inputViewport} from '../source/ui/views/input-viewport.js';
import {wrapMessage} from '../source/ui/state/wrap-message.js';

test('a tab becomes the spaces to the next tab stop', () => {
	assert.equal(TAB_WIDTH, 8);
	assert.equal(expandTabs('tab\there'), 'tab     here');
	assert.equal(expandTabs('\tx'), '        x');
	assert.equal(expandTabs('12345678\tx'), '12345678        x');
	assert.equal(expandTabs('a\t\tb'), 'a               b');
});

test('tab stops count cells, so wide characters move them, and a start column shifts them', () => {
	assert.equal(expandTabs('你好\tx'), '你好    x');
	assert.equal(expandTabs('a\tb', 5), 'a  b');
});

test('a text without tabs is the same string', () => {
	const text = 'no tabs here';
	assert.equal(expandTabs(text), text);
});

test('a message with tabs wraps as the spaces they are drawn as', () => {
	const message = {seq: 0, time: 0, from: 'bob', text: 'a\tb\tc\td'};
	const lines = wrapMessage(message, 20).map(
		(line) => ' '.repeat(line.indent) + line.spans.map((span) => span.text).join(''),
	);
	assert.ok(lines.every((line) => !line.includes('\t')));
	assert.ok(lines.length > 1, 'the tabs take room and the text wraps');
});

test('the input draws a tab as spaces to the stop, and keeps the cursor after it', () => {
	const view = inputViewport({text: 'ab\tc', cursor: 3}, 20);
	assert.deepEqual(view, {before: 'ab      ', atCursor: 'c', after: ''});
});
