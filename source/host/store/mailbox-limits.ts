// Whether a recipient's mailbox takes one more message (issue 9's `FAILED mailbox-full`). Pure.

export type MailboxSize = {messages: number; bytes: number};

/** The most a mailbox holds; see DEFAULT_MAILBOX_MESSAGES and DEFAULT_MAILBOX_BYTES. */
export type MailboxLimits = MailboxSize;

/** The limit that a new message of `bytes` would pass, or undefined if it fits. */
export function mailboxLimitReached(
	size: MailboxSize,
	bytes: number,
	limits: MailboxLimits,
): keyof MailboxSize | undefined {
	if (size.messages + 1 > limits.messages) return 'messages';
	if (size.bytes + bytes > limits.bytes) return 'bytes';
	return undefined;
}
