// A host for memory measurements, run as `node --expose-gc --import tsx collectable-host.ts
// [SOURCE_DIR] [OPTIONS_JSON]`: startHost from SOURCE_DIR (default this checkout) with the
// default limits, or the HostOptions given as JSON. A `gc` line on stdin runs a full collection
// and answers `gc done`, so what is measured is what the host still holds, not garbage it has yet
// to collect. It prints `listening PORT` once it serves.
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath, pathToFileURL} from 'node:url';
import type {HostOptions} from '../../source/host/host-options.js';
import type {RunningHost} from '../../source/host/start-host.js';

const checkout = fileURLToPath(new URL('../..', import.meta.url));
// An empty SOURCE_DIR is this checkout too, so OPTIONS_JSON can follow it.
const source = process.argv[2] || checkout;
const options = JSON.parse(process.argv[3] ?? '{}') as HostOptions;
const entry = pathToFileURL(path.join(source, 'source', 'host', 'start-host.ts')).href;
const {startHost} = (await import(entry)) as {
	startHost: (options: HostOptions) => Promise<RunningHost>;
};
const host = await startHost({...options, port: 0, bind: '127.0.0.1'});
process.stdout.write(`listening ${host.port}\n`);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
	if (!chunk.includes('gc')) return;
	(globalThis as {gc?: () => void}).gc?.();
	process.stdout.write('gc done\n');
});
// The test closes stdin when it ends, however it ends.
process.stdin.on('end', () => {
	void host.close().then(() => process.exit(0));
});
