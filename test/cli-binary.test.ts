// The built `chat` binary (dist/cli.js, as `npm test` builds it before the tests): help, usage
// errors, and `chat host` accepting a netcat-style login and stopping cleanly on SIGTERM.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {ownConfigEnv, startHostProcess} from './helpers/built-cli.js';
import {connectRaw} from './helpers/raw-client.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const version = (
	JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
).version;

function run(...args: string[]) {
	assert.ok(existsSync(cli), 'dist/cli.js is missing: run npm run build first');
	// A store, config and data of its own, not those in this machine's home.
	return spawnSync(process.execPath, [cli, ...args], {
		encoding: 'utf8',
		timeout: 20_000,
		env: ownConfigEnv(),
	});
}

test('npx chat --help shows the usage and exits 0', () => {
	const result = spawnSync('npx', ['chat', '--help'], {
		cwd: root,
		encoding: 'utf8',
		timeout: 60_000,
	});
	assert.equal(result.status, 0, result.stderr);
	assert.match(result.stdout, /\$ chat host \[options\]/);
	assert.match(result.stdout, /\$ chat join NAME@HOST\[:PORT\]/);
	for (const flag of [
		'--port',
		'--bind',
		'--max-per-address',
		'--rate',
		'--burst',
		'--flood-after',
		'--login-timeout',
		'--ping-after',
		'--pong-timeout',
		'--resume-grace',
		'--max-queue',
		'--max-held',
	]) {
		assert.ok(result.stdout.includes(flag), `--help lists ${flag}`);
	}
});

test('chat host --help and chat join --help show only their own options', () => {
	const host = run('host', '--help');
	const join = run('join', '--help');
	assert.equal(host.status, 0);
	assert.equal(join.status, 0);
	assert.match(host.stdout, /--max-per-address N/);
	assert.match(host.stdout, /--tls-cert FILE/);
	assert.doesNotMatch(host.stdout, /--no-follow|\$ chat join/);
	assert.match(join.stdout, /--no-follow/);
	assert.match(join.stdout, /--tls +connect over TLS/);
	assert.doesNotMatch(join.stdout, /--port|--max-per-address|--password|\$ chat host/);
});

test('--version prints the package version', () => {
	const result = run('--version');
	assert.equal(result.status, 0);
	assert.equal(result.stdout.trim(), version);
});

test('an unknown command or a bad flag: one sentence, the usage, exit 2', () => {
	for (const [args, sentence] of [
		[['dance'], "chat: unknown command 'dance'"],
		[['host', '--colour'], 'chat: unknown flag --colour'],
		[['host', '--port', 'high'], "chat: --port needs a whole number, not 'high'"],
		[['join', '--rate', '5', 'a@b'], 'chat: --rate is not an option of chat join'],
		[[], 'chat: say which command: chat host, or chat join NAME@HOST'],
		[['host', '--port', '1', '--port', '2'], 'chat: --port is given twice; give it once'],
		[['host', '--bind', 'a', '--bind', 'b'], 'chat: --bind is given twice; give it once'],
		[['host', '--password', 'x', '--password=y'], 'chat: --password is given twice; give it once'],
		[['join', 'a@b', '--tls', '--no-tls'], 'chat: --tls is given twice; give it once'],
		[['host', '--port='], 'chat: --port needs a value'],
		[['host', '--port'], 'chat: --port needs a value'],
		[['host', '--port', '--bind', '127.0.0.1'], 'chat: --port needs a value'],
		[['host', '--tls-cert'], 'chat: --tls-cert needs a value'],
		[['host', '-p', '5'], 'chat: unknown flag -p'],
		[['host', '--no-port'], 'chat: unknown flag --no-port'],
		[['host', '--help=x', '--port', '0'], 'chat: --help takes no value'],
		[['join', 'a@b', '--tls=yes'], 'chat: --tls takes no value'],
		[['join', '--rate'], 'chat: --rate is not an option of chat join'],
		[['dance', '--tls'], "chat: unknown command 'dance'"],
		[['join', 'join', 'a@b'], "chat: chat join takes one address, not 'join a@b'"],
	] as const) {
		const result = run(...args);
		assert.equal(result.status, 2, args.join(' '));
		const [first, ...rest] = result.stderr.split('\n');
		assert.equal(first, sentence);
		assert.match(rest.join('\n'), /Usage/);
		assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
	}
});

test('a NAME@HOST that cannot work: one sentence, exit 2, no connection tried', () => {
	for (const [address, sentence] of [
		['@localhost', "chat: bad address '@localhost': the name before '@' is missing"],
		[
			'a@localhost:0',
			"chat: bad address 'a@localhost:0': the port must be a number from 1 to 65535, not '0'",
		],
		[
			'a@localhost:70000',
			"chat: bad address 'a@localhost:70000': the port must be a number from 1 to 65535, not '70000'",
		],
		[
			'\u{1F469}@localhost',
			"chat: invalid name \u{1F469}: it contains '\u{1F469}', which is not a letter, a digit 0-9, '_', '-' or '.'",
		],
	] as const) {
		const result = run('join', address);
		assert.equal(result.status, 2, address);
		assert.equal(result.stderr, `${sentence}\n`);
	}
});

test('--help and --version answer whatever else the line holds', () => {
	for (const [args, usage] of [
		[['--help', '--port', '1', '--port', '2'], /\$ chat host \[options\][^]*\$ chat join NAME@/],
		[['join', 'a@b', '--help'], /\$ chat join NAME@HOST\[:PORT\]/],
		[['host', '-h', '--colour'], /\$ chat host \[options\]/],
	] as const) {
		const result = run(...args);
		assert.equal(result.status, 0, args.join(' '));
		assert.match(result.stdout, usage);
	}

	assert.equal(run('join', '-hv').stdout.trim(), version);
});

test('chat host prints where it listens, accepts a login, and stops on SIGTERM with exit 0', async () => {
	const host = await startHostProcess();
	const {port} = host;
	const stdout = host.stdout();
	assert.ok(stdout.includes(`chat join NAME@127.0.0.1:${port}`), stdout);

	const client = await connectRaw(port);
	client.send('alice');
	assert.equal(await client.nextLine(), 'Welcome!');
	const exitCode = host.stop();
	assert.equal(await client.nextLine(), 'The host is shutting down');
	await client.closed;
	assert.equal(await exitCode, 0);
	assert.match(host.stderr(), /login alice \(plain\) from 127\.0\.0\.1/);
	assert.match(host.stderr(), /logout alice: shutdown/);
});

test('a --bind that is no address and no name is one sentence, exit 1', () => {
	const result = run('host', '--port', '0', '--bind', 'nosuchhost.invalid');
	assert.equal(result.status, 1);
	assert.equal(
		result.stderr,
		'chat host: nosuchhost.invalid is neither an address nor a known name; check --bind\n',
	);
});
