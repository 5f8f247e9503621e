// The write-ahead log is copied back into the store file by the checkpoint worker, off the main
// thread (whose connection never checkpoints), so the log does not grow without bound.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {CHECKPOINT_INTERVAL_MS} from '../source/host/store/checkpoint-worker.js';
import {openDurableStore} from '../source/host/store/durable-store.js';
import {STORE_FILE_NAME} from '../source/host/store/open-store-file.js';
import {storeDir} from './helpers/store-dir.js';

/** Checkpoints to wait for before the test gives up. */
const PATIENCE_INTERVALS = 20;

test('the checkpoint worker copies committed pages into the store file', async (t) => {
	const dir = storeDir();
	const store = openDurableStore({dir});
	t.after(() => store.close());
	const file = path.join(dir, STORE_FILE_NAME);
	const before = fs.statSync(file).size;
	await Promise.all(
		Array.from({length: 2000}, (_, n) =>
			store.messages.append({
				id: String(n + 1),
				kind: 'stored',
				recipientKey: `user${n % 50}`,
				time: n,
				sender: 'alice',
				recipient: `user${n % 50}`,
				senderRef: undefined,
				text: 'x'.repeat(200),
			}),
		),
	);
	const deadline = performance.now() + PATIENCE_INTERVALS * CHECKPOINT_INTERVAL_MS;
	while (fs.statSync(file).size < before + 400_000 && performance.now() < deadline) {
		await sleep(CHECKPOINT_INTERVAL_MS / 10);
	}

	assert.ok(fs.statSync(file).size >= before + 400_000, 'the pages never reached the file');
});
