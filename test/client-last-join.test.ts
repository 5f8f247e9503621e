// The first-run form's memory: the last name and host, in one file of the config folder that
// only its owner may read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {lastJoinPath, readLastJoin, saveLastJoin} from '../source/join/last-join.js';
import {storeDir} from './helpers/store-dir.js';

test('saved answers are read back, from a file only its owner can read', async () => {
	const file = lastJoinPath(storeDir());
	assert.equal(await readLastJoin(file), undefined, 'nothing before the first run');
	await saveLastJoin({name: 'alice', host: '[fd00::2]:4000'}, file);
	assert.deepEqual(await readLastJoin(file), {name: 'alice', host: '[fd00::2]:4000'});
	assert.equal(fs.statSync(file).mode & 0o777, 0o600);
	assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);

	// A file someone opened up is written anew, readable by its owner only again.
	fs.chmodSync(file, 0o644);
	await saveLastJoin({name: 'bob', host: 'localhost:21567'}, file);
	assert.equal(fs.statSync(file).mode & 0o777, 0o600);
	assert.deepEqual(await readLastJoin(file), {name: 'bob', host: 'localhost:21567'});
	assert.deepEqual(fs.readdirSync(path.dirname(file)), ['last-join.json'], 'no file left beside');
});

test('a file that is not ours is no answer, not an error', async () => {
	const file = lastJoinPath(storeDir());
	fs.mkdirSync(path.dirname(file), {recursive: true});
	for (const text of ['not json', '[]', '{"name": 1, "host": "x"}', 'null']) {
		fs.writeFileSync(file, text);

		assert.equal(await readLastJoin(file), undefined, text);
	}
});
