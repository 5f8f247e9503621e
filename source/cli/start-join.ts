// Starts `chat join` once its command line is read, by whichever parser read it.
import process from 'node:process';
import type {JoinOptions} from '../join/run-join.js';

export async function startJoin(options: JoinOptions): Promise<number> {
	// React's development build nearly doubles the time to switch conversations. The bundle is
	// built for production already (package.json), which also leaves the development build out of
	// what `chat join` reads at start; this covers running from source.
	process.env['NODE_ENV'] ??= 'production';
	// Loaded only here, so `chat host` loads neither the UI nor the client.
	if (process.stdin.isTTY && process.stdout.isTTY) {
		const {letInkDrawFrames} = await import('../ui/ink-draws-frames.js');
		letInkDrawFrames();
	}

	const {runJoin} = await import('../join/run-join.js');
	return runJoin(options);
}
