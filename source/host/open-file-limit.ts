// How many sockets the host may hold at once: its open-file limit (`ulimit -n`, which Node raises
// to the hard limit as it starts) less the descriptors the process needs for itself. Past that
// the kernel refuses accept() and libuv closes the newcomer unseen, so the host stays below it.

import {readFileSync} from 'node:fs';
import {HOST_OWN_FDS} from '../protocol/limits.js';

const MAX_OPEN_FILES = /^Max open files\s+(\d+|unlimited)\s/m;

/** The soft "Max open files" of a /proc/PID/limits text; undefined when absent or unlimited. */
export function parseOpenFileLimit(limits: string): number | undefined {
	const match = MAX_OPEN_FILES.exec(limits);
	if (match === null || match[1] === 'unlimited') return undefined;
	return Number(match[1]);
}

/** This process's open-file limit; undefined where /proc has none (not Linux). */
export function readOpenFileLimit(): number | undefined {
	try {
		return parseOpenFileLimit(readFileSync('/proc/self/limits', 'utf8'));
	} catch {
		return undefined;
	}
}

/** Sockets that fit beside the host's own descriptors; 0 (no budget) when the limit is unknown. */
export function connectionsForOpenFiles(openFiles: number | undefined): number {
	if (openFiles === undefined) return 0;
	return Math.max(1, openFiles - HOST_OWN_FDS);
}
