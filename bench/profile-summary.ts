// Where the time goes: self time per function of a V8 .cpuprofile (`--profile-host` writes one
// to bench/results/). Usage: node --import tsx bench/profile-summary.ts FILE [TOP]
import {readFileSync} from 'node:fs';

type ProfileNode = {id: number; callFrame: {functionName: string; url: string; lineNumber: number}};
type Profile = {nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]};

const DEFAULT_TOP = 30;

/** Self time in microseconds per function, largest first. */
export function selfTimes(profile: Profile): Array<[string, number]> {
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const totals = new Map<string, number>();
	profile.samples.forEach((id, index) => {
		const frame = nodes.get(id)?.callFrame;
		if (!frame) return;
		const where = frame.url.replace(/^.*\/(node_modules|source|bench)\//, '$1/');
		const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
		totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
	});
	return [...totals].sort((a, b) => b[1] - a[1]);
}

const [file, top] = process.argv.slice(2);
if (file) {
	const times = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as Profile);
	const total = times.reduce((sum, [, micros]) => sum + micros, 0);
	console.log(`${(total / 1000).toFixed(0)} ms sampled`);
	for (const [name, micros] of times.slice(0, Number(top ?? DEFAULT_TOP))) {
		const share = ((micros / total) * 100).toFixed(1).padStart(5);
		console.log(`${share}%  ${(micros / 1000).toFixed(1).padStart(8)} ms  ${name}`);
	}
}
