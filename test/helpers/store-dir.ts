// A fresh data folder for one test, removed when the test ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {TestContext} from 'node:test';

export function storeDir(t: TestContext): string {
	const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-store-'));
	t.after(() => {
		fs.rmSync(parent, {recursive: true, force: true});
	});
	return path.join(parent, 'data');
}
