// Line mode (stdin not a terminal) against a real host, in-process with piped streams.
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {EXIT_NOT_DELIVERED} from '../source/exit-codes.js';
import {runLineMode} from '../source/join/line-mode.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {loginPlain} from './helpers/raw-client.js';
import {startHostWithUsers, startTestHost} from './helpers/start-host.js';

const CTIME = String.raw`\w{3} \w{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}`;
const DEADLINE_MS = 5000;

/** Collects a stream's lines and waits (event-driven, with a deadline) for one that matches. */
function lineReader(stream: PassThrough) {
	const lines: string[] = [];
	let tail = '';
	let taken = 0;
	const waiters = new Set<() => void>();
	stream.setEncoding('utf8');
	stream.on('data', (chunk: string) => {
		const parts = (tail + chunk).split('\n');
		tail = parts.pop() ?? '';
		lines.push(...parts);
		for (const waiter of [...waiters]) waiter();
	});
	return {
		lines,
		async next(pattern: RegExp): Promise<string> {
			return new Promise((resolve, reject) => {
				const check = () => {
					while (taken < lines.length) {
						const line = lines[taken++] ?? '';
						if (pattern.test(line)) {
							waiters.delete(check);
							clearTimeout(timer);
							resolve(line);
							return;
						}
					}
				};

				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`no line matching ${String(pattern)}; got: ${lines.join(' | ')}`));
				}, DEADLINE_MS);
				waiters.add(check);
				check();
			});
		},
	};
}

async function startLineMode(port: number, name: string) {
	const input = new PassThrough();
	const output = new PassThrough();
	const errorOutput = new PassThrough();
	const client = createStructuredClient({address: {host: '127.0.0.1', port}, name});
	const exitCode = runLineMode({client, self: name, follow: true, input, output, errorOutput});
	return {input, out: lineReader(output), err: lineReader(errorOutput), exitCode, client};
}

test('line mode: to: rules, messages both ways in the relay format, EOF quits, with 3 after refusals', async (t) => {
	const [host, nc, carol] = await startHostWithUsers(t, loginPlain, ['nc', 'carol']);
	const bob = await startLineMode(host.port, 'bob');

	// Typed before the login finished: held until the roster is known.
	bob.input.write('hello?\n');
	assert.equal(await bob.out.next(/./), 'Please input the user who you want to chat with');
	bob.input.write('to:dave\n');
	assert.equal(await bob.out.next(/./), 'the user dave does not exist');
	bob.input.write('to:\n');
	assert.equal(await bob.out.next(/./), 'to: needs a user name, for example to:bob');
	bob.input.write('to:bob\n');
	assert.equal(await bob.out.next(/./), 'you cannot chat with yourself');

	bob.input.write('to:nc\n');
	bob.input.write('hi nc\n');
	assert.match(await nc.nextLine(), new RegExp(String.raw`^\[${CTIME}\] bob: hi nc$`));

	nc.send('hi bob');
	assert.match(await bob.out.next(/./), new RegExp(String.raw`^\[${CTIME}\] nc: hi bob$`));

	// Following: carol writes, so a reply with no to: goes to carol.
	carol.send('to:bob');
	carol.send('bob, it is carol');
	assert.match(await bob.out.next(/./), /\] carol: bob, it is carol$/);
	bob.input.write('hi carol\n');
	assert.match(await carol.nextLine(), /\] bob: hi carol$/);

	// A delivery failure prints a line: carol leaves, then bob writes to her.
	carol.send('quit');
	await carol.closed;
	bob.input.write('are you there?\n');
	assert.match(await bob.out.next(/./), /^message to carol not delivered: .*carol/);

	bob.input.end();
	// Lines were refused (no partner, unknown users) and one message was not delivered.
	assert.equal(await bob.exitCode, EXIT_NOT_DELIVERED);
	assert.equal(nc.lines.filter((line) => line.includes('bob:')).length, 1);
});

test('line mode: quit logs out and exits 0; a refusal exits 1 with the sentence on stderr', async (t) => {
	const host = await startTestHost();
	t.after(async () => {
		await host.stop();
	});
	const first = await startLineMode(host.port, 'bob');
	const second = await startLineMode(host.port, 'bob');
	assert.equal(await second.exitCode, 1);
	assert.equal(
		await second.err.next(/./),
		`chat: the name bob is already in use on 127.0.0.1:${host.port}`,
	);

	first.input.write('quit\n');
	assert.equal(await first.exitCode, 0);
	assert.deepEqual(first.out.lines, []);
});

test('line mode: end of input waits for the last message to be delivered', async (t) => {
	const [host, nc] = await startHostWithUsers(t, loginPlain, ['nc']);
	const bob = await startLineMode(host.port, 'bob');
	bob.input.end('to:nc\none\ntwo\nthree\n');
	assert.equal(await bob.exitCode, 0);
	for (const text of ['one', 'two', 'three']) {
		assert.match(await nc.nextLine(), new RegExp(String.raw`\] bob: ${text}$`));
	}
});
