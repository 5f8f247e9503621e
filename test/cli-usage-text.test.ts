// `chat --help` is written from the flag table: every flag is listed under each block it belongs
// to, with the defaults the host and the client really use.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {kebab} from '../source/cli/flag-kinds.js';
import {FLAGS} from '../source/cli/flag-table.js';
import {USAGE, helpLines} from '../source/cli/usage-text.js';
import {
	DEFAULT_PORT,
	MAX_OUTBOUND_QUEUE_BYTES,
	RESUME_GRACE_MS,
} from '../source/protocol/limits.js';

test('every flag is in the help, once in each block that lists it', () => {
	const [limits = [], access = [], join = [], log = [], general = []] = helpLines(
		['limits', 'access', 'join', 'log', 'general'],
		2,
	);
	const blocks = {limits, access, join, log, general};
	for (const flag of FLAGS) {
		const sections = Object.keys(flag.help) as Array<keyof typeof blocks>;
		assert.ok(sections.length > 0, `${flag.key} is listed somewhere`);
		for (const section of sections) {
			const name = kebab(flag.key).slice(2);
			const lines = blocks[section].filter((line) =>
				new RegExp(`^ {2}--(?:no-)?${name} `).test(line),
			);
			assert.equal(lines.length, 1, `${flag.key} in ${section}`);
		}
	}
});

test('the help shows the defaults the host uses, in the units people type', () => {
	assert.match(USAGE, new RegExp(`--port N +TCP port \\(default ${DEFAULT_PORT};`));
	assert.match(
		USAGE,
		new RegExp(`--max-queue KIB .*\\(default ${MAX_OUTBOUND_QUEUE_BYTES / 1024}\\)`),
	);
	assert.match(USAGE, new RegExp(`--resume-grace S .*\\(default ${RESUME_GRACE_MS / 1000}\\)`));
	assert.match(
		USAGE,
		/--bind ADDRESS +address to listen on \(default 0\.0\.0\.0, every interface\)/,
	);
	assert.doesNotMatch(USAGE, /\{default\}|\(default [;,)]/, 'no default left unfilled');
});

test('a switch that is on unless turned off is shown as --no-flag', () => {
	assert.match(USAGE, /^ {2}--no-follow +do not switch/m);
	assert.match(USAGE, /^ {2}--no-bell +do not ring/m);
	assert.match(USAGE, /^ {2}--tls +connect over TLS/m);
});
