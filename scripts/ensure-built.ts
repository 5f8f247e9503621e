// Builds dist/ only when it is missing or older than what it is built from.
//
// `prepare` runs this, not the build itself: `npx chat` in this folder, with a cold npx cache,
// installs the folder as a package and so runs `prepare`. An unconditional build there removes
// dist/ while a running `chat` (or a test of it) still needs it; an up-to-date dist/ is left alone.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtCli = path.join(root, 'dist', 'cli.js');

/** What dist/ is built from: the source, and package.json, which holds the build's flags. */
const buildInputs = [path.join(root, 'source'), path.join(root, 'package.json')];

function newestModification(file: string): number {
	const stats = statSync(file);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const entry of readdirSync(file)) {
		newest = Math.max(newest, newestModification(path.join(file, entry)));
	}
	return newest;
}

/** Whether dist/cli.js exists and is newer than every build input. */
export function isBuilt(): boolean {
	if (!existsSync(builtCli)) return false;
	const built = statSync(builtCli).mtimeMs;
	return buildInputs.every((input) => newestModification(input) <= built);
}

/** Runs `npm run build` unless dist/ is up to date. */
export function ensureBuilt(): void {
	if (isBuilt()) return;
	const result = spawnSync('npm', ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'});
	if (result.status !== 0) throw new Error('npm run build failed');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	try {
		ensureBuilt();
	} catch (error) {
		console.error(`chat: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
