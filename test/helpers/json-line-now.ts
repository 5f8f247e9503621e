// For the children a test kills with SIGKILL: a line of JSON on stdout, written before the call
// returns. process.stdout is asynchronous on a pipe, and a kill must not lose a line that says a
// write was tried or done.
import fs from 'node:fs';

export function sayJsonLineNow(line: unknown): void {
	let bytes = Buffer.from(`${JSON.stringify(line)}\n`);
	while (bytes.length > 0) {
		try {
			bytes = bytes.subarray(fs.writeSync(1, bytes));
		} catch (error) {
			// A full pipe: the parent reads it, so try again.
			if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
		}
	}
}
