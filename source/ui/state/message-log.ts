// An append-only, capped list of a conversation's messages that stays cheap to copy: it is stored
// in chunks, so adding or updating a message copies one chunk instead of the whole history.
import {MAX_MESSAGES_PER_CONVERSATION} from '../../client/limits.js';
import type {ChatMessage} from './chat-message.js';

/** Messages per chunk: small enough to copy on every append, large enough to keep few chunks. */
const CHUNK_SIZE = 1024;

export type MessageLog = {
	readonly chunks: ReadonlyArray<readonly ChatMessage[]>;
	readonly length: number;
	/** seq of the message at index 0. */
	readonly firstSeq: number;
	/** seq the next appended message gets. */
	readonly nextSeq: number;
};

export const emptyLog: MessageLog = {chunks: [], length: 0, firstSeq: 0, nextSeq: 0};

/**
 * The stored copy of `message`, numbered `seq`. Built field by field: in optimised code V8 gives
 * each `{...message, seq}` a hidden class of its own, which costs memory on every message kept
 * (bench/README.md, "Client UI").
 */
function numbered(message: Omit<ChatMessage, 'seq'>, seq: number): ChatMessage {
	const stored: ChatMessage = {seq, time: message.time, from: message.from, text: message.text};
	if (message.uid !== undefined) stored.uid = message.uid;
	if (message.earlier) stored.earlier = true;
	if (message.delivery) stored.delivery = message.delivery;
	if (message.ref !== undefined) stored.ref = message.ref;
	if (message.event) stored.event = true;
	if (message.action === true) stored.action = true;
	if (message.more !== undefined) stored.more = message.more;
	if (message.whileAway) stored.whileAway = true;
	return stored;
}

/** The message at `index` (0 = oldest kept), if any. */
export function messageAt(log: MessageLog, index: number): ChatMessage | undefined {
	if (index < 0 || index >= log.length) return undefined;
	return log.chunks[Math.floor(index / CHUNK_SIZE)]?.[index % CHUNK_SIZE];
}

/** The index of the message numbered `seq`, or -1 once it was dropped or never existed. */
export function indexOfSeq(log: MessageLog, seq: number): number {
	const index = seq - log.firstSeq;
	return index >= 0 && index < log.length ? index : -1;
}

export function lastMessage(log: MessageLog): ChatMessage | undefined {
	return messageAt(log, log.length - 1);
}

/** Adds a message (its seq is assigned here), dropping the oldest chunk once past `cap`. */
export function appendMessage(
	log: MessageLog,
	message: Omit<ChatMessage, 'seq'>,
	cap = MAX_MESSAGES_PER_CONVERSATION,
): MessageLog {
	return appendMessages(log, [message], cap);
}

/** Adds messages in order; a burst costs one copy of the last chunk, not one per message. */
export function appendMessages(
	log: MessageLog,
	messages: ReadonlyArray<Omit<ChatMessage, 'seq'>>,
	cap = MAX_MESSAGES_PER_CONVERSATION,
): MessageLog {
	if (messages.length === 0) return log;
	const chunks = log.chunks.slice(0, -1);
	const last = log.chunks.at(-1);
	let chunk: ChatMessage[] = last && last.length < CHUNK_SIZE ? [...last] : [];
	if (last && chunk.length === 0) chunks.push(last);
	let seq = log.nextSeq;
	for (const message of messages) {
		if (chunk.length === CHUNK_SIZE) {
			chunks.push(chunk);
			chunk = [];
		}
		chunk.push(numbered(message, seq++));
	}
	chunks.push(chunk);
	let next: MessageLog = {
		chunks,
		length: log.length + messages.length,
		firstSeq: log.firstSeq,
		nextSeq: seq,
	};
	// Drop whole chunks so every chunk but the last stays full and `messageAt` stays arithmetic.
	let dropped = next.chunks[0]?.length ?? 0;
	while (next.length - dropped >= cap && next.chunks.length > 1) {
		next = {
			chunks: next.chunks.slice(1),
			length: next.length - dropped,
			firstSeq: next.firstSeq + dropped,
			nextSeq: next.nextSeq,
		};
		dropped = next.chunks[0]?.length ?? 0;
	}
	return next;
}

/** Replaces the message numbered `seq` with `update(message)`; unknown seqs leave the log as is. */
export function updateMessage(
	log: MessageLog,
	seq: number,
	update: (message: ChatMessage) => ChatMessage,
): MessageLog {
	const index = indexOfSeq(log, seq);
	if (index === -1) return log;
	const chunkIndex = Math.floor(index / CHUNK_SIZE);
	const chunk = [...(log.chunks[chunkIndex] ?? [])];
	const message = chunk[index % CHUNK_SIZE];
	if (!message) return log;
	chunk[index % CHUNK_SIZE] = update(message);
	const chunks = [...log.chunks];
	chunks[chunkIndex] = chunk;
	return {...log, chunks};
}

/** A log of `messages`, oldest first, numbered from `firstSeq` (a window read from history). */
export function logOf(
	messages: ReadonlyArray<Omit<ChatMessage, 'seq'>>,
	firstSeq: number,
): MessageLog {
	const start: MessageLog = {chunks: [], length: 0, firstSeq, nextSeq: firstSeq};
	return appendMessages(start, messages, Number.POSITIVE_INFINITY);
}

/** Every message of the log, oldest first. */
export function messagesOf(log: MessageLog): ChatMessage[] {
	return log.chunks.flat();
}

/** Older messages put before the first, numbered down from it, so every seq shown stays put. */
export function prependMessages(
	log: MessageLog,
	messages: ReadonlyArray<Omit<ChatMessage, 'seq'>>,
): MessageLog {
	if (messages.length === 0) return log;
	const older = logOf(messages, log.firstSeq - messages.length);
	return {
		...logOf([...messagesOf(older), ...messagesOf(log)], older.firstSeq),
		nextSeq: log.nextSeq,
	};
}

/** The newest `count` messages of the log (or the oldest, with `end: 'oldest'`). */
export function keepMessages(log: MessageLog, count: number, end: 'newest' | 'oldest'): MessageLog {
	if (log.length <= count) return log;
	const all = messagesOf(log);
	if (end === 'oldest') return {...logOf(all.slice(0, count), log.firstSeq)};
	const dropped = log.length - count;
	return {...logOf(all.slice(dropped), log.firstSeq + dropped), nextSeq: log.nextSeq};
}

/** The index of the message with `uid`, from the newest, or -1. */
export function indexOfUid(log: MessageLog, uid: string): number {
	for (let index = log.length - 1; index >= 0; index--) {
		if (messageAt(log, index)?.uid === uid) return index;
	}
	return -1;
}
