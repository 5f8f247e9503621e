// Collects the figures as rows of one table, prints it, and writes the same rows as JSON.
import {mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ReportRow = {
	benchmark: string;
	contender: string;
	/** The figures as a person reads them. */
	result: string;
	vsNgircd?: string;
	vsBare?: string;
	/** A host row against the same face of the `--baseline` checkout. */
	vsBaseline?: string;
	target?: string;
	/** The same figures as numbers, for --json. */
	figures: Record<string, number>;
};

const COLUMNS: Array<[keyof ReportRow, string]> = [
	['benchmark', 'benchmark'],
	['contender', 'contender'],
	['result', 'result'],
	['vsNgircd', 'vs ngircd'],
	['vsBare', 'vs bare'],
	['vsBaseline', 'vs baseline'],
	['target', 'target'],
];

export class BenchReport {
	readonly rows: ReportRow[] = [];
	/** Lost messages, crashed contenders, failed runs: any of them fails the bench. */
	readonly problems: string[] = [];
	readonly #started = new Date();

	add(row: ReportRow): void {
		this.rows.push(row);
	}

	fail(problem: string): void {
		this.problems.push(problem);
	}

	table(): string {
		const cell = (row: ReportRow, key: keyof ReportRow) => String(row[key] ?? '');
		// The baseline column only when a run has a baseline.
		const columns = COLUMNS.filter(
			([key]) => key !== 'vsBaseline' || this.rows.some((row) => row.vsBaseline),
		);
		const widths = columns.map(([key, title]) =>
			Math.max(title.length, ...this.rows.map((row) => cell(row, key).length)),
		);
		const line = (cells: string[]) =>
			`| ${cells.map((text, index) => text.padEnd(widths[index] ?? 0)).join(' | ')} |`;
		return [
			line(columns.map(([, title]) => title)),
			line(widths.map((width) => '-'.repeat(width))),
			...this.rows.map((row) => line(columns.map(([key]) => cell(row, key)))),
		].join('\n');
	}

	writeJson(file: string, settings: unknown): void {
		const cpus = os.cpus();
		const machine = {
			cpu: cpus[0]?.model ?? 'unknown',
			cpus: cpus.length,
			memoryGiB: Math.round(os.totalmem() / 2 ** 30),
			os: `${os.type()} ${os.release()}`,
			node: process.version,
		};
		const json = {
			date: this.#started.toISOString(),
			machine,
			settings,
			rows: this.rows,
			problems: this.problems,
		};
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, `${JSON.stringify(json, undefined, '\t')}\n`);
	}
}

/** 1234567.8 → "1,234,568". */
export const whole = (value: number) => Math.round(value).toLocaleString('en-US');
/** A figure with `digits` after the point. */
export const fixed = (value: number, digits = 2) =>
	Number.isFinite(value) ? value.toFixed(digits) : '–';
/** A ratio such as 0.83×. */
export const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
