// Generated inputs against the protocol's pure modules: about 110,000 runs in all.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {parseClientLine} from '../source/protocol/client-lines.js';
import {parseHostLine} from '../source/protocol/host-lines.js';
import {LineFramer} from '../source/protocol/line-framer.js';
import {checkName, nameKey} from '../source/protocol/name-rules.js';
import {needsSanitising, sanitiseText} from '../source/protocol/sanitise-text.js';
import {parseStructuredLine} from '../source/protocol/structured-line.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

type FramerEvent = string | 'overflow';

/** What the framer must report for a whole stream: every finished line, then the unfinished tail. */
function referenceEvents(stream: Buffer, limit: number): FramerEvent[] {
	const events: FramerEvent[] = [];
	let start = 0;
	for (
		let newline = stream.indexOf(NEWLINE);
		newline !== -1;
		newline = stream.indexOf(NEWLINE, start)
	) {
		const end = newline > start && stream[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
		events.push(end - start > limit ? 'overflow' : stream.toString('utf8', start, end));
		start = newline + 1;
	}

	// An unfinished tail is known to be too long once it passes the limit and a `\r` that may go.
	const tail = stream.length - start;
	if (tail > limit + 1 || (tail === limit + 1 && stream.at(-1) !== CARRIAGE_RETURN)) {
		events.push('overflow');
	}

	return events;
}

// Bytes that matter to framing: newline, carriage return, parts of multi-byte and invalid UTF-8.
const streamByte = fc.constantFrom(
	0x61,
	0x62,
	NEWLINE,
	CARRIAGE_RETURN,
	0xc3,
	0xa9,
	0xe2,
	0x82,
	0xac,
	0xf0,
	0x9f,
	0xff,
);

test('the framer matches a reference split, whatever the chunking', () => {
	fc.assert(
		fc.property(
			fc.array(streamByte, {maxLength: 120}),
			fc.integer({min: 1, max: 12}),
			fc.array(fc.integer({min: 0, max: 120}), {maxLength: 10}),
			(bytes, limit, cuts) => {
				const stream = Buffer.from(bytes);
				const events: FramerEvent[] = [];
				const framer = new LineFramer(
					limit,
					(line) => events.push(line),
					() => events.push('overflow'),
				);
				const points = [...new Set(cuts.map((cut) => Math.min(cut, stream.length)))].sort(
					(a, b) => a - b,
				);
				let previous = 0;
				for (const point of [...points, stream.length]) {
					framer.push(stream.subarray(previous, point));
					previous = point;
					assert.ok(framer.pendingBytes <= limit + 1);
				}

				assert.deepEqual(events, referenceEvents(stream, limit));
			},
		),
		{numRuns: 30_000},
	);
});

/** Resumes until nothing is held: every resume splits at least one line before it may pause again. */
function resumeFully(framer: LineFramer): void {
	let resumed = framer.resume();
	while (!resumed) resumed = framer.resume();
}

test('pausing after any lines and resuming later changes nothing in what the framer reports', () => {
	fc.assert(
		fc.property(
			fc.array(streamByte, {maxLength: 120}),
			fc.integer({min: 1, max: 12}),
			fc.array(fc.integer({min: 0, max: 120}), {maxLength: 10}),
			fc.array(fc.boolean(), {maxLength: 40}),
			(bytes, limit, cuts, pauses) => {
				const stream = Buffer.from(bytes);
				const events: FramerEvent[] = [];
				let lines = 0;
				const framer = new LineFramer(
					limit,
					(line) => {
						events.push(line);
						if (pauses[lines++ % Math.max(1, pauses.length)] === true) framer.pause();
					},
					() => events.push('overflow'),
				);
				const points = [...new Set(cuts.map((cut) => Math.min(cut, stream.length)))].sort(
					(a, b) => a - b,
				);
				let previous = 0;
				for (const point of [...points, stream.length]) {
					framer.push(stream.subarray(previous, point));
					previous = point;
					// Sometimes the reader resumes before more bytes come (each resume may pause again);
					// otherwise bytes pushed while paused wait behind the held ones.
					if (point % 3 === 0) resumeFully(framer);
					assert.ok(framer.heldBytes <= stream.length);
				}

				resumeFully(framer);
				assert.deepEqual(events, referenceEvents(stream, limit));
			},
		),
		{numRuns: 30_000},
	);
});

const anyText = fc.string({unit: 'binary', maxLength: 60});
// Strings dense in what the structured face and the sanitiser care about.
const protocolText = fc.string({
	unit: fc.constantFrom(
		' ',
		':',
		'=',
		'a',
		'Z',
		'1',
		'-',
		'\t',
		'\u001B',
		'[',
		']',
		'P',
		'_',
		'^',
		'X',
		'\\',
		'\u0007',
		'\u009B',
		'\u009C',
		'\u009D',
		'\u0090',
		'\u0085',
		'\u007F',
		'\u0000',
		'\u202E',
		'\u2066',
		'é',
		'😀',
		'\u2028',
		'\u2029',
		'\u200B',
		'\u200D',
		'\u200E',
		'\uFE0F',
		'\u0301',
		'\u{1F3F4}',
		'\u{E0067}',
		'\u{E007F}',
		'SEND',
		'HELLO',
		'MSG',
		'PING',
		';',
		'm',
		'H',
	),
	maxLength: 40,
});
const text = fc.oneof(anyText, protocolText);

test('line parsers never throw and keep params non-empty and space-free', () => {
	fc.assert(
		fc.property(text, (line) => {
			const parsed = parseStructuredLine(line);
			for (const param of parsed.params) {
				assert.ok(param.length > 0 && !param.includes(' ') && !param.startsWith(':'));
			}

			assert.ok(!parsed.verb.includes(' '));
			parseClientLine(line);
			parseHostLine(line);
		}),
		{numRuns: 25_000},
	);
});

const FORBIDDEN =
	/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]|\p{M}{9}/u;
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/gu;
/** The invisible characters that may stay, in context: joiners, variation selectors, flag tags. */
const MAY_STAY =
	/^(?:\u200C|\u200D|\u180E|\p{Variation_Selector}|[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}\u{E007F}])$/u;

test('sanitised text holds no terminal control and cleaning again changes nothing', () => {
	fc.assert(
		fc.property(text, (input) => {
			const once = sanitiseText(input);
			assert.ok(!FORBIDDEN.test(once), JSON.stringify(once));
			for (const [left] of once.matchAll(INVISIBLE)) assert.match(left, MAY_STAY);
			assert.equal(sanitiseText(once), once);
			assert.equal(needsSanitising(once), false);
			if (!FORBIDDEN.test(input) && !INVISIBLE.test(input)) assert.equal(once, input);
			INVISIBLE.lastIndex = 0;
		}),
		{numRuns: 30_000},
	);
});

const nameText = fc.oneof(
	anyText,
	fc.string({
		unit: fc.constantFrom(
			'a',
			'A',
			'а',
			'Α',
			'ο',
			'é',
			'e\u0301',
			'\u0301',
			'ß',
			'İ',
			'张',
			'た',
			'タ',
			'ー',
			'김',
			'1',
			'_',
			'.',
			' ',
			':',
			'\u200B',
			'ｂ',
			'𝐚',
		),
		maxLength: 40,
	}),
);

test('name checks never throw, and accepted names and their keys are stable', () => {
	fc.assert(
		fc.property(nameText, (raw) => {
			const result = checkName(raw);
			const key = nameKey(raw);
			assert.equal(nameKey(key), key);
			if (!result.ok) {
				assert.ok(result.reason.length > 0);
				return;
			}

			assert.equal(result.name, result.name.normalize('NFC'));
			const length = [...result.name].length;
			assert.ok(length >= 1 && length <= 32);
			assert.equal(nameKey(result.name.toUpperCase()), nameKey(result.name.toLowerCase()));
			assert.equal(checkName(result.name).ok, true);
		}),
		{numRuns: 25_000},
	);
});
