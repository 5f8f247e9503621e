// The 64-byte text every contender relays. It carries a number (a sequence number, or the send
// time for latency) in a fixed place so the receiver reads it back without decoding the line.

/** The size of each message text, as the issue sets it. */
export const TEXT_BYTES = 64;
const STAMP_DIGITS = 15;
/** The last byte of every text: a received line that ends with it is a relayed message. */
const TEXT_END = 0x7e; // ~
const FILLER = ' the quick brown fox jumps over the lazy dog 0123456789'.slice(
	0,
	TEXT_BYTES - STAMP_DIGITS - 1,
);

export function benchText(stamp: number): string {
	return `${String(stamp).padStart(STAMP_DIGITS, '0')}${FILLER}~`;
}

/** True when `line[start, end)` ends with a bench text. */
export function endsWithText(line: Buffer, start: number, end: number): boolean {
	return end - start >= TEXT_BYTES && line[end - 1] === TEXT_END;
}

/** The number inside the text at the end of `line[…, end)`. */
export function readStamp(line: Buffer, end: number): number {
	let value = 0;
	for (let index = end - TEXT_BYTES; index < end - TEXT_BYTES + STAMP_DIGITS; index++) {
		value = value * 10 + (line[index] ?? 0x30) - 0x30;
	}
	return value;
}
