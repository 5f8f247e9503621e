// Starts `chat join` with no address at a terminal: the first-run form (join/run-join-form.tsx)
// asks for one, then the join goes on as if it had been typed.
import process from 'node:process';
import type {JoinOptions} from '../join/run-join.js';
import {startJoin} from './start-join.js';

export async function startJoinForm(options: Omit<JoinOptions, 'address'>): Promise<number> {
	// As startJoin does, before the form loads React and Ink.
	process.env['NODE_ENV'] ??= 'production';
	const {letInkDrawFrames} = await import('../ui/ink-draws-frames.js');
	letInkDrawFrames();
	const {runJoinForm} = await import('../join/run-join-form.js');
	const asked = await runJoinForm();
	if ('exitCode' in asked) return asked.exitCode;
	return startJoin({...options, address: asked.address});
}
