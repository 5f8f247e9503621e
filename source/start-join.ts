// Starts `chat join` once its command line is read, by whichever parser read it.
import process from 'node:process';
import type {JoinOptions} from './join/run-join.js';
import {letInkDrawFrames} from './ui/ink-draws-frames.js';

export async function startJoin(options: JoinOptions): Promise<number> {
	// React's development build nearly doubles the time to switch conversations.
	process.env['NODE_ENV'] ??= 'production';
	if (process.stdin.isTTY && process.stdout.isTTY) letInkDrawFrames();
	// Loaded only here, so `chat host` never loads the client.
	const {runJoin} = await import('./join/run-join.js');
	return runJoin(options);
}
