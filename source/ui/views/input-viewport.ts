// The part of the input line that fits beside the prompt, always including the cursor.
import type {InputLine} from '../state/input-editing.js';
import {clustersOf} from '../state/text-width.js';

type InputViewport = {before: string; atCursor: string; after: string};

export function inputViewport(line: InputLine, width: number): InputViewport {
	const before = clustersOf(line.text.slice(0, line.cursor));
	const [cursorCluster, ...rest] = clustersOf(line.text.slice(line.cursor));
	const atCursor = cursorCluster ?? {text: ' ', width: 1};
	// Keep the cursor in view: drop clusters from the left until it fits.
	let used = atCursor.width;
	let start = before.length;
	while (start > 0 && used + (before[start - 1]?.width ?? 0) <= width) {
		start--;
		used += before[start]?.width ?? 0;
	}
	let after = '';
	for (const cluster of rest) {
		if (used + cluster.width > width) break;
		after += cluster.text;
		used += cluster.width;
	}
	return {
		before: before
			.slice(start)
			.map((cluster) => cluster.text)
			.join(''),
		atCursor: atCursor.text,
		after,
	};
}
