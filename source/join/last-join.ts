// The name and host the first-run form was last given, so the next `chat join` with no
// arguments offers them again: one small file in the config folder, readable by its owner only.

import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {chatConfigDir} from '../config-dir.js';

export type LastJoin = {name: string; host: string};

const FILE_NAME = 'last-join.json';

/** Only its owner reads it: it says who this person chats as, and where. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export function lastJoinPath(configDir: string = chatConfigDir()): string {
	return path.join(configDir, FILE_NAME);
}

/** The values last given, or undefined when there are none or the file is not one of ours. */
export async function readLastJoin(file: string = lastJoinPath()): Promise<LastJoin | undefined> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(await readFile(file, 'utf8'));
	} catch {
		return undefined;
	}

	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const {name, host} = parsed as Record<string, unknown>;
	return typeof name === 'string' && typeof host === 'string' ? {name, host} : undefined;
}

/** Keeps the values, whole or not at all: written beside the file, then renamed over it. */
export async function saveLastJoin(values: LastJoin, file: string = lastJoinPath()): Promise<void> {
	await mkdir(path.dirname(file), {recursive: true, mode: DIR_MODE});
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, JSON.stringify(values) + '\n', {mode: FILE_MODE});
	await rename(temporary, file);
}
