#!/usr/bin/env node
// The `chat` command: `chat host` runs the relay, `chat join` the chat. A plain `chat join
// NAME@HOST` starts at once (plain-join-args.ts); every other line, and every usage error, goes
// through the full parser (command-line.ts).
import process from 'node:process';
import {plainJoinOptions} from './plain-join-args.js';
import {startJoin} from './start-join.js';

/** The process's name in `ps` and `top`, as meow sets it from package.json's `bin`. */
const PROCESS_TITLE = 'chat';

const join = plainJoinOptions(process.argv.slice(2));
if (join === undefined) {
	const {runCommandLine} = await import('./command-line.js');
	process.exitCode = await runCommandLine();
} else {
	process.title = PROCESS_TITLE;
	process.exitCode = await startJoin(join);
}
