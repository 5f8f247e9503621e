// `chat --help` is written from the flag table: every flag is listed under each block it belongs
// to, with the defaults the host and the client really use.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {commandsOf, kebab, negatedKebab} from '../source/cli/flag-kinds.js';
import {FLAGS} from '../source/cli/flag-table.js';
import {USAGE, commandUsage, helpLines} from '../source/cli/usage-text.js';
import {
	DEFAULT_PORT,
	MAX_OUTBOUND_QUEUE_BYTES,
	RESUME_GRACE_MS,
} from '../source/protocol/limits.js';

test('every flag is in the help, once in each block that lists it', () => {
	const [limits = [], access = [], cluster = [], join = [], log = [], general = []] = helpLines(
		['limits', 'access', 'cluster', 'join', 'log', 'general'],
		2,
	);
	const blocks = {limits, access, cluster, join, log, general};
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
		/--bind ADDRESS +address to listen on \(default ::, every interface, IPv6 and IPv4\)/,
	);
	assert.doesNotMatch(USAGE, /\{default\}|\(default [;,)]/, 'no default left unfilled');
});

test('a switch that is on unless turned off is shown as --no-flag', () => {
	assert.match(USAGE, /^ {2}--no-follow +do not switch/m);
	assert.match(USAGE, /^ {2}--no-bell +do not ring/m);
	assert.match(USAGE, /^ {2}--tls +connect over TLS/m);
});

/** The flags a help text lists, as typed, in order. */
function listedFlags(text: string): string[] {
	return [...text.matchAll(/^ {2}(--[a-z-]+)/gm)].map(([, flag = '']) => flag);
}

for (const command of ['host', 'join'] as const) {
	test(`chat ${command} --help lists exactly the flags of chat ${command}, from the table`, () => {
		const expected = FLAGS.filter((flag) => {
			const commands = commandsOf(flag);
			return commands.length === 0 || commands.includes(command);
		}).map((flag) =>
			flag.kind === 'switch' && flag.negatable && flag.default
				? negatedKebab(flag.key)
				: kebab(flag.key),
		);
		const listed = listedFlags(commandUsage(command));
		assert.deepEqual([...listed].sort(), [...expected].sort());
		assert.equal(new Set(listed).size, listed.length, 'each flag once');
	});
}

test('chat join --help says that a name alone joins localhost', () => {
	assert.match(
		commandUsage('join'),
		/NAME alone \(no @HOST\) joins the host on this machine, localhost/,
	);
	assert.match(commandUsage('join'), /\$ chat join alice +\(the host on this machine\)/);
});

test('chat host --help says where the banner and the log go', () => {
	assert.match(commandUsage('host'), /banner goes to stdout; the log .* to stderr/s);
});
