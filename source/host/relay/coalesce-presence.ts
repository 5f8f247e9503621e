// Presence news a client has not been sent yet, cut to what changes its picture of who is online
// (docs/protocol.md "Host → client", presence batches), with the KEY line that follows a JOIN. Pure. Per name, a JOIN then a LEAVE cancel
// (the client never knew of that login), and so do AWAY then BACK and BACK then AWAY; a LEAVE then a
// JOIN stay, since that is another session under the name.

/** Reads `lines[from …]` (each `VERB name`) and returns the lines left, in their order. */
export function coalescePresence(lines: readonly string[], from = 0): string[] {
	/** Per name, the lines (as indexes) that still change something, oldest first. */
	const byName = new Map<string, number[]>();
	let cancelled = false;
	for (let index = from; index < lines.length; index++) {
		const line = lines[index] ?? '';
		// `VERB name`, or `KEY name fingerprint`.
		const nameStart = line.indexOf(' ') + 1;
		const nameEnd = line.indexOf(' ', nameStart);
		const name = line.slice(nameStart, nameEnd === -1 ? undefined : nameEnd);
		let kept = byName.get(name);
		if (kept === undefined) {
			kept = [];
			byName.set(name, kept);
		}

		if (cancels(lines, kept, index)) cancelled = true;
	}

	if (!cancelled) return lines.slice(from);
	const keep = new Uint8Array(lines.length);
	for (const kept of byName.values()) for (const index of kept) keep[index] = 1;
	return lines.filter((_, index) => keep[index] === 1);
}

function verbOf(line: string | undefined): string {
	return line === undefined ? '' : line.slice(0, line.indexOf(' '));
}

/** Adds line `index` to a name's `kept` lines, taking out what it cancels; true if any cancelled. */
function cancels(lines: readonly string[], kept: number[], index: number): boolean {
	const verb = verbOf(lines[index]);
	const last = (): string => verbOf(lines[kept.at(-1) ?? -1]);
	switch (verb) {
		case 'LEAVE': {
			// Gone is gone, away or not: an AWAY, a BACK or a KEY before it says nothing any more.
			let cancelled = false;
			while (last() === 'AWAY' || last() === 'BACK' || last() === 'KEY') {
				kept.pop();
				cancelled = true;
			}

			if (last() === 'JOIN') {
				kept.pop();
				return true;
			}

			kept.push(index);
			return cancelled;
		}

		case 'AWAY':
		case 'BACK': {
			if (last() === (verb === 'AWAY' ? 'BACK' : 'AWAY')) {
				kept.pop();
				return true;
			}

			kept.push(index);
			return false;
		}

		default: {
			kept.push(index);
			return false;
		}
	}
}
