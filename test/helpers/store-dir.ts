// A fresh data folder for one test, removed when the test file's process ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folders made so far in this process. */
const made: string[] = [];

/**
 * Not removed in a `t.after`: those run in the order registered, so it would come before the
 * after of the host that a test starts on the folder next, and remove it while that host's store
 * is still open (its checkpoint can write a file meanwhile, and the removal fails). At exit every
 * host of the file has stopped.
 */
process.once('exit', () => {
	for (const parent of made) fs.rmSync(parent, {recursive: true, force: true});
});

export function storeDir(): string {
	const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-store-'));
	made.push(parent);
	return path.join(parent, 'data');
}
