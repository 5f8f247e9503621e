// Tokens of the structured face that are checked the same way on both sides (docs/protocol.md).

import {MAX_REF_LENGTH} from './limits.js';

/** The `ref` a `MSG` from a plain sender carries, so no client may choose it. */
export const NO_REF = '-';

const REF = new RegExp(`^[A-Za-z0-9._-]{1,${MAX_REF_LENGTH}}$`);
const DECIMAL = /^[0-9]{1,20}$/;

/** A sender's message id: 1–32 of `A-Z a-z 0-9 . _ -`, and not NO_REF. */
export function isValidRef(ref: string): boolean {
	return REF.test(ref) && ref !== NO_REF;
}

/** A message id or a time: a decimal integer. */
export function isDecimal(value: string): boolean {
	return DECIMAL.test(value);
}
