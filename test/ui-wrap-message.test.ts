import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ChatMessage} from '../source/ui/state/chat-message.js';
import {displayWidth} from '../source/ui/state/text-width.js';
import {wrapMessage, type WrappedLine} from '../source/ui/state/wrap-message.js';

const at = (hours: number, minutes: number) => new Date(2026, 10, 25, hours, minutes).getTime();

function message(text: string, extra: Partial<ChatMessage> = {}): ChatMessage {
	return {seq: 0, time: at(18, 40), from: 'bob', text, ...extra};
}

const render = (line: WrappedLine) =>
	' '.repeat(line.indent) + line.spans.map((span) => span.text).join('');

test('a short message is one line: time, sender, text', () => {
	const lines = wrapMessage(message('hi alice'), 40);
	assert.deepEqual(lines.map(render), ['18:40 bob: hi alice']);
	assert.deepEqual(
		lines[0]?.spans.map((span) => span.style),
		['time', 'name', 'text'],
	);
});

test('long text wraps at words with continuation lines indented under the text', () => {
	const text = 'the quick brown fox jumps over the lazy dog and keeps on running';
	const lines = wrapMessage(message(text), 40).map(render);
	assert.deepEqual(lines, [
		'18:40 bob: the quick brown fox jumps',
		'           over the lazy dog and keeps',
		'           on running',
	]);
	for (const line of lines) assert.ok(displayWidth(line) <= 40);
});

test('on a narrow pane continuation lines are indented less, to keep room for text', () => {
	const lines = wrapMessage(message('the quick brown fox jumps over'), 24).map(render);
	assert.deepEqual(lines, ['18:40 bob: the quick', '      brown fox jumps', '      over']);
});

test('wide characters are measured by display width', () => {
	const lines = wrapMessage(message('世界世界世界世界世界世界世界'), 34).map(render);
	for (const line of lines) assert.ok(displayWidth(line) <= 34, line);
	assert.deepEqual(lines, ['18:40 bob: 世界世界世界世界世界世', '           界世界']);
});

test('a word longer than the line is broken between whole clusters', () => {
	const lines = wrapMessage(message('👍🏽'.repeat(20)), 20).map(render);
	for (const line of lines) {
		assert.ok(displayWidth(line) <= 20, line);
		assert.doesNotMatch(line, /\uFFFD/);
	}
	assert.equal(lines.join('').split('👍🏽').length - 1, 20);
});

test('terminal control from a peer never reaches the wrapped text', () => {
	const lines = wrapMessage(message('hi\u001B[2J\u001B]0;pwned\u0007 there\u0007'), 40).map(render);
	assert.deepEqual(lines, ['18:40 bob: hi there']);
});

test('delivery state follows your own messages', () => {
	const show = (delivery: ChatMessage['delivery']) =>
		wrapMessage(message('hello', {from: 'alice', delivery}), 60)
			.map(render)
			.join('|');
	assert.equal(show({state: 'sending'}), '18:40 alice: hello …sending');
	assert.equal(show({state: 'held'}), '18:40 alice: hello …held');
	assert.equal(show({state: 'delivered'}), '18:40 alice: hello ✓');
	assert.equal(
		show({state: 'failed', reason: 'bob left'}),
		'18:40 alice: hello ✗ not delivered: bob left',
	);
});

test('a very narrow width still never overflows', () => {
	const lines = wrapMessage(
		message('a message to a narrow pane', {from: 'a-very-long-name-of-32-characters'}),
		12,
	);
	for (const line of lines.map(render)) assert.ok(displayWidth(line) <= 12, line);
});
