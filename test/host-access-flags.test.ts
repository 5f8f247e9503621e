// chat host's flags for who gets in (source/cli/access-flags.ts): the password from --password or
// CHAT_PASSWORD, checked at start; TLS from files or a self-signed certificate in the config dir.

import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {hostAccessFromFlags} from '../source/cli/access-flags.js';
import {accessNotice} from '../source/host/access-notice.js';
import {makeTempDir, writeCertificate} from './helpers/tls-fixtures.js';

test('no flags: plain TCP and no password', async () => {
	assert.deepEqual(await hostAccessFromFlags({}, {}, '/nonexistent'), {
		ok: true,
		options: {},
		notes: [],
	});
});

test('the password comes from --password, else CHAT_PASSWORD, and must be usable', async () => {
	const flag = await hostAccessFromFlags({password: 'from-flag'}, {CHAT_PASSWORD: 'from-env'}, '');
	assert.ok(flag.ok && flag.options.password === 'from-flag');
	const env = await hostAccessFromFlags({}, {CHAT_PASSWORD: 'from-env'}, '');
	assert.ok(env.ok && env.options.password === 'from-env');
	const emptyEnv = await hostAccessFromFlags({}, {CHAT_PASSWORD: ''}, '');
	assert.ok(emptyEnv.ok && emptyEnv.options.password === undefined, 'an empty variable is unset');
	assert.deepEqual(await hostAccessFromFlags({password: 'two words'}, {}, ''), {
		ok: false,
		error:
			'--password cannot be used: the password may only hold printable characters, without spaces',
	});
	assert.deepEqual(await hostAccessFromFlags({password: ''}, {}, ''), {
		ok: false,
		error: '--password cannot be used: the password is empty',
	});
	assert.deepEqual(await hostAccessFromFlags({}, {CHAT_PASSWORD: 'x'.repeat(129)}, ''), {
		ok: false,
		error: 'CHAT_PASSWORD cannot be used: the password is longer than 128 characters',
	});
});

test('--tls-cert and --tls-key load both files; one without the other is refused', async (t) => {
	const dir = await makeTempDir(t);
	const files = await writeCertificate(dir, 'given');
	const result = await hostAccessFromFlags(
		{tlsCert: files.certFile, tlsKey: files.keyFile, tls: true},
		{},
		path.join(dir, 'unused'),
	);
	assert.ok(result.ok);
	assert.equal(result.options.tls?.cert, files.cert);
	assert.deepEqual(result.notes, [], 'files win over --tls: nothing is made');
	assert.deepEqual(await hostAccessFromFlags({tlsCert: files.certFile}, {}, ''), {
		ok: false,
		error: '--tls-cert and --tls-key go together: give both files',
	});
	const missing = await hostAccessFromFlags({tlsCert: 'nope.pem', tlsKey: files.keyFile}, {}, '');
	assert.deepEqual(missing, {
		ok: false,
		error: 'cannot read the TLS certificate nope.pem: there is no such file',
	});
});

test('--tls makes a certificate in the config dir once and says so; the notice shows it', async (t) => {
	const dir = path.join(await makeTempDir(t), 'chat');
	const first = await hostAccessFromFlags({tls: true}, {}, dir);
	assert.ok(first.ok);
	assert.deepEqual(first.notes, [`made a self-signed TLS certificate in ${dir}`]);
	const again = await hostAccessFromFlags({tls: true, password: 'pw'}, {}, dir);
	assert.ok(again.ok);
	assert.deepEqual(again.notes, []);
	assert.equal(again.options.tls?.cert, first.options.tls?.cert);
	const notice = accessNotice(again.options);
	assert.equal(
		notice[0],
		'Clients join with --tls; on first use they pin this certificate (SHA-256):',
	);
	assert.match(notice[1] ?? '', /^ {2}([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
	assert.match(notice[2] ?? '', /^Clients need the password: CHAT_PASSWORD=/);
	assert.doesNotMatch(notice.join('\n'), /\bpw\b/, 'the password itself is never printed');
});
