// The built `chat` binary, as users run it. `npm test` builds before the tests run; a test run
// on its own after a change needs `npm run build` first (the assertion below says so).
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {type BuiltHost, spawnBuiltHost} from './spawn-built-host.js';

export const projectRoot = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

export const builtCli = path.join(projectRoot, 'dist', 'cli.js');

/** The argv for `node` that runs `chat ...args` from the build. */
export function chatArgs(...args: string[]): string[] {
	return [builtCliPath(), ...args];
}

function builtCliPath(): string {
	assert.ok(existsSync(builtCli), 'dist/cli.js is missing: run npm run build first');
	return builtCli;
}

const configDirs: string[] = [];
process.once('exit', () => {
	for (const dir of configDirs) rmSync(dir, {recursive: true, force: true});
});

/**
 * The environment for one `chat join` of a test: config, data and state folders of its own, so it
 * has a key of its own (another machine's, say), pins test hosts, whose ports come again, and
 * keeps its history nowhere lasting, never in the real home, and never shared with another test.
 */
export function ownConfigEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'chat-config-'));
	configDirs.push(dir);
	return {
		...process.env,
		XDG_CONFIG_HOME: path.join(dir, 'config'),
		XDG_DATA_HOME: path.join(dir, 'data'),
		XDG_STATE_HOME: path.join(dir, 'state'),
		...extra,
	};
}

/** Runs the built `chat host` on 127.0.0.1 and a free port, resolving once it says where it listens. */
export async function startHostProcess(...args: string[]): Promise<BuiltHost> {
	return spawnBuiltHost(builtCliPath(), args);
}

/** The same under `ulimit -n openFiles` (both limits, so Node cannot raise its soft one). */
export async function startHostProcessWithOpenFiles(
	openFiles: number,
	...args: string[]
): Promise<BuiltHost> {
	return spawnBuiltHost(builtCliPath(), args, {openFiles});
}
