// chat join loads the history's code (with the SQLite addon) while it connects, not before: what
// it opens from that code, and that code it could not load is a notice, not a crash.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {test, type TestContext} from 'node:test';
import {loadHistoryCode, openJoinHistory} from '../source/join/open-history.js';

const address = {host: 'localhost', port: 21567};

/** XDG_DATA_HOME on a fresh folder for this test, put back when it ends. */
function ownDataHome(t: TestContext): string {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-data-'));
	const before = process.env['XDG_DATA_HOME'];
	process.env['XDG_DATA_HOME'] = home;
	t.after(() => {
		if (before === undefined) Reflect.deleteProperty(process.env, 'XDG_DATA_HOME');
		else process.env['XDG_DATA_HOME'] = before;
		fs.rmSync(home, {recursive: true, force: true});
	});
	return home;
}

test('--no-history loads no history code and opens nothing', async (t) => {
	const home = ownDataHome(t);
	const code = await loadHistoryCode(false);
	assert.equal(code, undefined);
	const opened = openJoinHistory({code, address, self: 'alice', onProblem: () => undefined});
	assert.equal(opened.history, undefined);
	assert.equal(opened.problem, undefined);
	opened.close();
	assert.deepEqual(fs.readdirSync(home), []);
});

test('the loaded code opens the history in the data folder, and close commits what was kept', async (t) => {
	const home = ownDataHome(t);
	const code = await loadHistoryCode(true);
	const opened = openJoinHistory({code, address, self: 'alice', onProblem: () => undefined});
	assert.ok(opened.history, opened.problem);
	opened.history.record('bob', {uid: 'm1', time: 1000, from: 'bob', text: 'hello'});
	opened.close();
	assert.ok(fs.existsSync(path.join(home, 'chat')));

	const again = openJoinHistory({code, address, self: 'alice', onProblem: () => undefined});
	t.after(() => {
		again.close();
	});
	assert.deepEqual(
		again.history?.latest('bob', 10).map((message) => message.text),
		['hello'],
	);
});

test('history code that could not load is one sentence for the notice line, and no history', () => {
	const opened = openJoinHistory({
		code: {error: new Error('better_sqlite3.node: cannot open shared object file')},
		address,
		self: 'alice',
		onProblem: () => undefined,
	});
	assert.equal(opened.history, undefined);
	assert.equal(
		opened.problem,
		'no history this time: better_sqlite3.node: cannot open shared object file',
	);
});
