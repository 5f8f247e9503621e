// Compares a given password with the host's in constant time. Both are hashed first, so the
// comparison always runs over two equal-length digests and neither length nor content leaks.

import {createHash, timingSafeEqual} from 'node:crypto';
import {normalisePassword} from '../../protocol/password-rules.js';

function digest(password: string): Buffer {
	return createHash('sha256').update(normalisePassword(password), 'utf8').digest();
}

export function passwordsMatch(given: string, expected: string): boolean {
	return timingSafeEqual(digest(given), digest(expected));
}
