import assert from 'node:assert/strict';
import {test} from 'node:test';
import * as editing from '../source/ui/state/input-editing.js';

const typed = (text: string) => editing.insertText(editing.emptyInputLine, text);

test('backspace removes whole emoji, flags, ZWJ families and CJK characters', () => {
	for (const cluster of ['👍🏽', '🇫🇷', '👨‍👩‍👧', '世', 'é', 'e\u0301']) {
		const line = editing.deleteBack(typed(`a${cluster}`));
		assert.deepEqual(line, {text: 'a', cursor: 1}, cluster);
	}
});

test('left, right and delete step over whole clusters', () => {
	let line = typed('a👍🏽b');
	line = editing.moveLeft(editing.moveLeft(line));
	assert.equal(line.cursor, 1);
	line = editing.deleteForward(line);
	assert.deepEqual(line, {text: 'ab', cursor: 1});
	line = editing.moveRight(typed('世界'));
	assert.equal(line.cursor, 2);
	assert.equal(editing.moveLeft(editing.moveToStart(line)).cursor, 0);
});

test('a combining mark typed after a letter joins its cluster', () => {
	const line = editing.insertText(typed('e'), '\u0301');
	assert.deepEqual(line, {text: 'e\u0301', cursor: 2});
	assert.deepEqual(editing.deleteBack(line), {text: '', cursor: 0});
});

test('home, end and the readline deletions', () => {
	const line = editing.moveLeft(editing.moveLeft(typed('hello big world')));
	assert.equal(editing.moveToStart(line).cursor, 0);
	assert.equal(editing.moveToEnd(line).cursor, 15);
	assert.deepEqual(editing.deleteToStart(line), {text: 'ld', cursor: 0});
	assert.deepEqual(editing.deleteToEnd(line), {text: 'hello big wor', cursor: 13});
	assert.deepEqual(editing.deleteWordBack(typed('hello big  ')), {text: 'hello ', cursor: 6});
	assert.equal(editing.moveWordLeft(typed('hello big')).cursor, 6);
	assert.equal(editing.moveWordRight(editing.moveToStart(typed('hello big'))).cursor, 5);
});

test('typing in the middle inserts at the cursor', () => {
	assert.deepEqual(editing.insertText(editing.moveToStart(typed('hllo')), 'X'), {
		text: 'Xhllo',
		cursor: 1,
	});
	assert.deepEqual(editing.insertText({text: 'hllo', cursor: 1}, 'e'), {text: 'hello', cursor: 2});
});
