// Where a restarted host's message ids begin (docs/protocol.md "The structured face"): at its
// start time in microseconds, as relay/message-ids.ts makes them, unless the store has seen an id at or
// past that (the clock went back, or the last host ran over 1,000 messages a millisecond); then
// just after the highest stored id, so no id is ever given twice. Pure.

/** The `startMs` to give `new MessageIds(startMs)`: its first id is above `highestStoredId`. */
export function messageIdsStartMs(highestStoredId: string | undefined, nowMs: number): number {
	const now = Math.floor(nowMs);
	if (highestStoredId === undefined) return now;
	// MessageIds(startMs) begins at startMs × 1000, so the next whole thousand is above the id.
	const afterHighest = Number(BigInt(highestStoredId) / 1000n) + 1;
	return Math.max(now, afterHighest);
}
