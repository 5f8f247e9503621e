// Ink 6 turns each frame's grid of styled cells back into a string from scratch: every row of the
// screen is filled with cells, then every cell is read again to write its styles. A row is the
// same string whenever the same lines were written into it at the same places, and on a new
// message most rows are (the conversation's lines move up a row, but each keeps its text). This
// is Ink 6.8's `Output.get`, step for step, except that a row whose writes were seen in a recent
// frame takes the string it made then. ink-line-cache.ts puts it in Ink's place and checks the
// shape it relies on; test/ink-line-cache.test.tsx checks that every frame comes out the same.
import {styledCharsToString, type StyledChar} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import {KeptAcrossFrames} from './kept-across-frames.js';

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};

type OutputOperation =
	| {
			type: 'write';
			x: number;
			y: number;
			text: string;
			transformers: Array<(line: string, index: number) => string>;
	  }
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

/** The parts of Ink's Output (and of its per-frame caches) that `get` reads. */
export type InkOutput = {
	width: number;
	height: number;
	operations: OutputOperation[];
	caches: {
		getStyledChars(line: string): StyledChar[];
		getStringWidth(text: string): number;
		getWidestLine(text: string): number;
	};
};

/** One line written into one row: where it starts and its text as written. */
type RowWrite = {x: number; line: string};

/** An empty cell: only ever read, so one serves every row. */
const BLANK: StyledChar = {type: 'char', value: ' ', fullWidth: false, styles: []};

/** Separators that no written line holds (Ink strips control characters before it writes). */
const FIELD = '\u0000';
const WRITE = '\u0001';

/** What Ink writes for one row: its cells, laid out exactly as Ink's `Output.get` lays them. */
function rowString(output: InkOutput, writes: RowWrite[]): string {
	const row: Array<StyledChar | undefined> = Array.from({length: output.width}, () => BLANK);
	for (const {x, line} of writes) {
		let offsetX = x;
		// Only a row not kept needs its cells.
		for (const character of output.caches.getStyledChars(line)) {
			row[offsetX] = character;
			const characterWidth = Math.max(1, output.caches.getStringWidth(character.value));
			// A wide character's following cells are cleared, as Ink clears them.
			for (let index = 1; index < characterWidth; index++) {
				row[offsetX + index] = {
					type: 'char',
					value: '',
					fullWidth: false,
					styles: character.styles,
				};
			}
			offsetX += characterWidth;
		}
	}
	return styledCharsToString(row.filter((cell) => cell !== undefined)).trimEnd();
}

/** Rows drawn in recent frames, by the width and the writes that made them. */
const rowsKept = new KeptAcrossFrames<string>();

/** Ink's `Output.get`, with rows kept across frames. */
export function outputWithRowsKept(output: InkOutput): {output: string; height: number} {
	const rows: RowWrite[][] = Array.from({length: output.height}, () => []);
	const clips: Clip[] = [];
	for (const operation of output.operations) {
		if (operation.type === 'clip') clips.push(operation.clip);
		if (operation.type === 'unclip') clips.pop();
		if (operation.type !== 'write') continue;
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		const clip = clips.at(-1);
		const {x1, x2, y1, y2} = clip ?? {};
		const across = typeof x1 === 'number' && typeof x2 === 'number' ? {x1, x2} : undefined;
		const down = typeof y1 === 'number' && typeof y2 === 'number' ? {y1, y2} : undefined;
		// Text wholly outside the clip is skipped, as Ink skips it.
		if (across) {
			const width = output.caches.getWidestLine(text);
			if (x + width < across.x1 || x > across.x2) continue;
		}
		if (down && (y + lines.length < down.y1 || y > down.y2)) continue;
		if (across) {
			lines = lines.map((line) => {
				const from = x < across.x1 ? across.x1 - x : 0;
				const width = output.caches.getStringWidth(line);
				const to = x + width > across.x2 ? across.x2 - x : width;
				return sliceAnsi(line, from, to);
			});
			if (x < across.x1) x = across.x1;
		}
		if (down) {
			const from = y < down.y1 ? down.y1 - y : 0;
			const to = y + lines.length > down.y2 ? down.y2 - y : lines.length;
			lines = lines.slice(from, to);
			if (y < down.y1) y = down.y1;
		}
		let offsetY = 0;
		for (const [index, written] of lines.entries()) {
			const row = rows[y + offsetY];
			// As in Ink: a row outside the output is skipped without moving on to the next row.
			if (!row) continue;
			let line = written;
			for (const transformer of transformers) line = transformer(line, index);
			row.push({x, line});
			offsetY++;
		}
	}
	const drawn = rows.map((writes) => {
		if (writes.length === 0) return '';
		const key =
			String(output.width) +
			WRITE +
			writes.map((write) => String(write.x) + FIELD + write.line).join(WRITE);
		return rowsKept.get(key) ?? rowsKept.set(key, rowString(output, writes));
	});
	return {output: drawn.join('\n'), height: rows.length};
}
