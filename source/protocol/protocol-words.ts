// The words the protocol itself speaks, which no user may take as a name (docs/protocol.md
// "Names"): each face's module lists its own, so a new verb is reserved where it is added.

import {CLIENT_VERBS} from './client-lines.js';
import {HOST_VERBS} from './host-lines.js';
import {PLAIN_WORDS} from './plain-face.js';

export const PROTOCOL_WORDS: readonly string[] = [
	...new Set<string>([...CLIENT_VERBS, ...HOST_VERBS, ...PLAIN_WORDS]),
];
