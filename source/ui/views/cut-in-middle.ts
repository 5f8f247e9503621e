// Cuts a name to a width by taking out its middle, so names that share a long start
// (`alexander.smith`, `alexander.smythe`) stay apart: `alexa…smith`, `alexa…smythe`.
import {clustersOf, displayWidth} from '../state/text-width.js';

export function cutInMiddle(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	if (width <= 1) return width === 1 ? '…' : '';
	const clusters = clustersOf(text);
	const room = width - 1;
	// The start gets the larger half: it is what people read first.
	const tailRoom = Math.floor(room / 2);
	let tail = '';
	let tailWidth = 0;
	for (let index = clusters.length - 1; index >= 0; index--) {
		const cluster = clusters[index];
		if (!cluster || tailWidth + cluster.width > tailRoom) break;
		tail = cluster.text + tail;
		tailWidth += cluster.width;
	}
	let head = '';
	let headWidth = 0;
	for (const cluster of clusters) {
		if (headWidth + cluster.width > room - tailWidth) break;
		head += cluster.text;
		headWidth += cluster.width;
	}
	return `${head}…${tail}`;
}
