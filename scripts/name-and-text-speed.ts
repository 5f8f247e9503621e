// Times nameKey and sanitiseText, the two pure functions the host runs on every login, `to:` and
// text: `node --import tsx scripts/name-and-text-speed.ts`. Prints ns per call; asserts nothing.

import {nameKey} from '../source/protocol/name-rules.js';
import {sanitiseText} from '../source/protocol/sanitise-text.js';

/** Calls per sample: long enough to hide the timer, short enough for a quick run. */
const CALLS = 200_000;
/** Samples per case; the median is printed, so one busy moment of a shared machine does not count. */
const SAMPLES = 7;

// Inputs are rotated so the engine cannot fold a call on a constant away.
const cases: Array<{name: string; run: (input: string) => unknown; inputs: string[]}> = [
	{name: 'nameKey, ASCII', run: nameKey, inputs: ['alice', 'Bob_2', 'carol.x', 'dave-99']},
	{
		name: 'nameKey, other scripts',
		run: nameKey,
		inputs: ['Émile', 'Александр', '张伟', 'Νίκος', 'प्रिया', 'さくら'],
	},
	{
		name: 'sanitiseText, 64-byte ASCII',
		run: sanitiseText,
		inputs: [
			'The quick brown fox jumps over the lazy dog, then naps 0123456789',
			'Meeting moved to 3pm; bring the slides and the budget numbers, ok',
		],
	},
	{
		name: 'sanitiseText, mixed clean text',
		run: sanitiseText,
		inputs: [
			'émile says 你好 👋🏽 — see you à 15h, ok? 👨‍👩‍👧 ❤️ naïve café',
			'Привет! Как дела? 😀 Всё хорошо, спасибо. ΑΒΓ δεζ 🇫🇷 שלום',
		],
	},
	{
		name: 'sanitiseText, text to clean',
		run: sanitiseText,
		inputs: [
			'hi\u200B there \u2028MSG 1 2 admin bob - :forged\u200E z\u0301\u0302\u0303\u0304\u0305',
			'\u001B[31mred\u001B[0m and \u2066isolated\u2069 text with a tag\u{E0041}\u{E0042}',
		],
	},
];

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

let sink = 0;
for (const {name, run, inputs} of cases) {
	const samples: number[] = [];
	for (let sample = 0; sample < SAMPLES + 1; sample++) {
		const start = process.hrtime.bigint();
		for (let call = 0; call < CALLS; call++) {
			const result = run(inputs[call % inputs.length] ?? '');
			if (result === '') sink++;
		}

		const nanoseconds = Number(process.hrtime.bigint() - start) / CALLS;
		if (sample > 0) samples.push(nanoseconds); // the first sample warms up
	}

	console.log(`${name.padEnd(32)} ${median(samples).toFixed(0).padStart(6)} ns/call`);
}

if (sink < 0) console.log(sink);
