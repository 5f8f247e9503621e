// `chat host --data DIR` as users run it: a store it cannot use is one sentence and exit code 4,
// before anything listens; a usable one is named in what the host prints.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {EXIT_STORE} from '../source/exit-codes.js';
import {chatArgs, startHostProcess} from './helpers/built-cli.js';
import {waitUntil} from './helpers/render-chat.js';
import {storeDir} from './helpers/store-dir.js';

test('a --data that is a file, not a folder, is one sentence and exit code 4', () => {
	const file = storeDir();
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, 'not a folder');
	const result = spawnSync(
		process.execPath,
		chatArgs('host', '--port', '0', '--bind', '127.0.0.1', '--data', path.join(file, 'chat')),
		{encoding: 'utf8', timeout: 20_000},
	);
	assert.equal(result.status, EXIT_STORE, result.stderr);
	assert.match(
		result.stderr,
		/^chat host: cannot write the store in .*chat \(ENOTDIR\): it must be a folder you can write to, or choose another with --data DIR\n$/,
	);
	assert.equal(result.stdout, '', 'nothing listened');
});

test('a damaged store is refused at start, with what to do', () => {
	const dir = storeDir();
	fs.mkdirSync(dir, {recursive: true});
	fs.writeFileSync(path.join(dir, 'store.sqlite'), 'SQLite format 3\u0000' + 'x'.repeat(5000));
	const result = spawnSync(process.execPath, chatArgs('host', '--port', '0', '--data', dir), {
		encoding: 'utf8',
		timeout: 20_000,
	});
	assert.equal(result.status, EXIT_STORE, result.stderr);
	assert.match(result.stderr, /^chat host: the store .*store\.sqlite is damaged .*\n$/);
});

test('the host says where it keeps name owners and messages, and stops cleanly', async (t) => {
	const dir = storeDir();
	const host = await startHostProcess('--data', dir);
	t.after(() => host.stop());
	await waitUntil(
		() => host.stdout().includes(`are kept in ${dir}`),
		`the folder in: ${host.stdout()}`,
	);
	assert.equal(await host.stop(), 0);
	assert.ok(fs.existsSync(path.join(dir, 'store.sqlite')));
});
