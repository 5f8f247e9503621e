// Refs name our own messages so results and resends can be matched (docs/protocol.md, "ref").
import {randomBytes} from 'node:crypto';
import {MAX_REF_LENGTH} from '../protocol/limits.js';

/** Random characters before the counter: enough that two runs of the client never share a ref. */
const REF_PREFIX_LENGTH = 10;

const refAlphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Returns a function that makes refs unique per client run: `<random prefix>.<counter in base 36>`. */
export function createRefMaker(random: (size: number) => Uint8Array = randomBytes): () => string {
	const bytes = random(REF_PREFIX_LENGTH);
	let prefix = '';
	for (const byte of bytes) {
		prefix += refAlphabet[byte % refAlphabet.length];
	}

	let counter = 0;
	return () => {
		counter++;
		const ref = `${prefix}.${counter.toString(36)}`;
		// 10 + 1 + 21 base-36 digits covers far more messages than a run can send.
		return ref.slice(0, MAX_REF_LENGTH);
	};
}
