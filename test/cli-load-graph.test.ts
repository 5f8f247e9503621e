// What each way into `chat` loads, read from esbuild's graph of the bundle as `npm run build`
// splits it: `chat host` loads no client or UI code, a plain `chat join NAME@HOST` not meow.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {type Metafile, build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundleGraph(): Promise<Metafile> {
	const result = await build({
		absWorkingDir: root,
		entryPoints: {cli: 'source/cli/chat.ts'},
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outdir: 'dist',
		// Packages stay outside, so the graph names each one a chunk imports.
		packages: 'external',
		write: false,
		metafile: true,
		logLevel: 'silent',
	});
	return result.metafile;
}

type Loaded = {sources: Set<string>; packages: Set<string>};

/** Everything loaded from the entry through static imports, and through the dynamic ones `follow` allows. */
function loadedFrom(graph: Metafile, follow: (entryPoint: string) => boolean): Loaded {
	const loaded: Loaded = {sources: new Set(), packages: new Set()};
	const entry = Object.keys(graph.outputs).find(
		(file) => graph.outputs[file]?.entryPoint === 'source/cli/chat.ts',
	);
	const pending = entry === undefined ? [] : [entry];
	const seen = new Set(pending);
	for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
		const output = graph.outputs[file];
		if (output === undefined) continue;
		for (const source of Object.keys(output.inputs)) loaded.sources.add(source);
		for (const {path, kind, external} of output.imports) {
			if (external === true) {
				if (kind === 'import-statement' && !path.startsWith('node:')) loaded.packages.add(path);
				continue;
			}

			const target = graph.outputs[path]?.entryPoint;
			if (kind === 'dynamic-import' && (target === undefined || !follow(target))) continue;
			if (!seen.has(path)) {
				seen.add(path);
				pending.push(path);
			}
		}
	}

	return loaded;
}

test('chat host loads the host, and nothing of the client or the UI', async () => {
	const graph = await bundleGraph();
	const host = loadedFrom(graph, (entryPoint) =>
		['source/cli/command-line.ts', 'source/host/run-host.ts'].includes(entryPoint),
	);
	assert.ok(host.sources.has('source/host/run-host.ts'), 'the host path reaches run-host.ts');
	const clientOrUi = [...host.sources].filter((source) =>
		/^source\/(?:client|ui|join)\//.test(source),
	);
	assert.deepEqual(clientOrUi, []);
	assert.deepEqual(
		[...host.packages].filter((name) => /^(?:ink|react)(?:\/|-|$)/.test(name)),
		[],
	);
});

test('a plain chat join loads the client and the UI, and not meow', async () => {
	const graph = await bundleGraph();
	const join = loadedFrom(graph, (entryPoint) => entryPoint !== 'source/cli/command-line.ts');
	assert.ok(join.sources.has('source/join/run-join.tsx'), 'the join path reaches run-join.tsx');
	assert.ok(join.packages.has('ink'), 'the join path reaches Ink');
	assert.ok(!join.packages.has('meow'), 'meow is not loaded');
	assert.ok(!join.sources.has('source/cli/command-line.ts'));
});
