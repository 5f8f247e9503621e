import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	createPasteParser,
	PASTE_END,
	PASTE_START,
	type InputPiece,
} from '../source/ui/keys/bracketed-paste.js';

function feed(...pieces: string[]): InputPiece[] {
	const parser = createPasteParser();
	return pieces.flatMap((piece) => parser.push(piece));
}

test('keys outside a paste pass through untouched', () => {
	assert.deepEqual(feed('hi', '\u001B[A', '\r'), [
		{kind: 'keys', data: 'hi'},
		{kind: 'keys', data: '\u001B[A'},
		{kind: 'keys', data: '\r'},
	]);
});

test('a paste between the markers is text, with keys before and after it', () => {
	assert.deepEqual(feed(`a${PASTE_START}before\rto:bob\rquit\rafter${PASTE_END}\r`), [
		{kind: 'keys', data: 'a'},
		{kind: 'paste', text: 'before\rto:bob\rquit\rafter'},
		{kind: 'keys', data: '\r'},
	]);
});

test('a paste split over many pieces, as Ink hands stdin over, is one paste', () => {
	assert.deepEqual(feed(PASTE_START, 'one\r', 'two', '\u001B[1m', 'bold', PASTE_END, 'x'), [
		{kind: 'paste', text: 'one\rtwo\u001B[1mbold'},
		{kind: 'keys', data: 'x'},
	]);
});

test('markers split between pieces are still found', () => {
	assert.deepEqual(feed('\u001B[20', '0~hello\u001B[2', '01~'), [{kind: 'paste', text: 'hello'}]);
	// Inside a paste even a byte at a time; outside, a lone ESC is the Escape key (Ink keeps the
	// rest of a sequence together, or hands it over as one piece once it gives up waiting).
	const everyByte = [...`abc${PASTE_END}`];
	assert.deepEqual(feed(PASTE_START, ...everyByte), [{kind: 'paste', text: 'abc'}]);
});

test('a start marker inside a paste is dropped; two pastes in a row stay two', () => {
	assert.deepEqual(feed(`${PASTE_START}a${PASTE_START}b${PASTE_END}${PASTE_START}c${PASTE_END}`), [
		{kind: 'paste', text: 'ab'},
		{kind: 'paste', text: 'c'},
	]);
});

test('a paste that contains escape sequences keeps them for the input to clean', () => {
	assert.deepEqual(feed(`${PASTE_START}\u001B[31mred\u001B[0m\u001B]0;title\u0007${PASTE_END}`), [
		{kind: 'paste', text: '\u001B[31mred\u001B[0m\u001B]0;title\u0007'},
	]);
});

test('an unterminated paste waits; flushed, what came is the paste', () => {
	const parser = createPasteParser();
	assert.deepEqual(parser.push(`${PASTE_START}half a paste\u001B[20`), []);
	assert.equal(parser.waiting, true);
	assert.deepEqual(parser.flush(), [{kind: 'paste', text: 'half a paste'}]);
	assert.equal(parser.waiting, false);
	assert.deepEqual(parser.push('q'), [{kind: 'keys', data: 'q'}]);
});

test('a lone Escape is never held back, a split start marker is until flushed', () => {
	const parser = createPasteParser();
	assert.deepEqual(parser.push('\u001B'), [{kind: 'keys', data: '\u001B'}]);
	assert.deepEqual(parser.push('\u001B[2'), []);
	assert.deepEqual(parser.flush(), [{kind: 'keys', data: '\u001B[2'}]);
});
