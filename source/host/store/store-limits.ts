// The store's limits and defaults (issue 9), each with its reason. The host's flags will set the
// defaults (DEFAULT_MAILBOX_LIMITS, DEFAULT_RETENTION_DAYS); docs/protocol.md's limits table lists
// them once they are wired.

import type {MailboxLimits} from './mailbox-limits.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Default messages waiting per recipient (`--mailbox-size`): weeks of a busy conversation. */
export const DEFAULT_MAILBOX_MESSAGES = 1000;

/**
 * Default bytes of text waiting per recipient: 1,000 messages of 2 KiB, so one sender's flood of
 * 8 KiB lines fills a mailbox at 256 messages, not at 8 MiB of disk.
 */
export const DEFAULT_MAILBOX_BYTES = 2 * 1024 * 1024;

/** Default days a stored message is kept (`--message-expiry`): a month covers a holiday. */
export const DEFAULT_MESSAGE_EXPIRY_DAYS = 30;

/** Default days a name is kept unused before it is released (`--name-expiry`): half a year. */
const DEFAULT_NAME_EXPIRY_DAYS = 180;

/** A recipient's mailbox of stored messages, by default (`--mailbox-size`, `--mailbox-bytes`). */
export const DEFAULT_MAILBOX_LIMITS: MailboxLimits = {
	messages: DEFAULT_MAILBOX_MESSAGES,
	bytes: DEFAULT_MAILBOX_BYTES,
};

/**
 * How often a running host drops expired messages and names: a message past its days is never
 * handed on anyway (checked at login), so the sweep only gives the space back.
 */
export const EXPIRY_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Days a stored message and an unused name are kept, by default. */
export type RetentionDays = {messages: number; names: number};
export const DEFAULT_RETENTION_DAYS: RetentionDays = {
	messages: DEFAULT_MESSAGE_EXPIRY_DAYS,
	names: DEFAULT_NAME_EXPIRY_DAYS,
};

/**
 * Writes in one commit at most: a commit blocks the event loop (better-sqlite3 is synchronous),
 * so a burst is split over ticks and live relaying runs between them.
 */
export const MAX_WRITES_PER_COMMIT = 1000;

/**
 * How long a commit waits for another process's write lock (`chat names release`, whose commit
 * takes milliseconds) before it fails: the wait blocks the relay, so it is short.
 */
export const STORE_BUSY_TIMEOUT_MS = 250;

/** An Ed25519 public key in its raw form (RFC 8032), as the store keeps it. */
export const ED25519_PUBLIC_KEY_BYTES = 32;

/** The time before which a record `days` old or more has expired. */
export function expiryCutoff(nowMs: number, days: number): number {
	return nowMs - days * DAY_MS;
}
