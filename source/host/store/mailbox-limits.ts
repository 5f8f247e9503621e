// Whether a recipient's mailbox takes one more message (issue 9's `FAILED mailbox-full`). Pure.

export type MailboxSize = {messages: number; bytes: number};

/** The most a mailbox holds; see DEFAULT_MAILBOX_MESSAGES and DEFAULT_MAILBOX_BYTES. */
export type MailboxLimits = MailboxSize;

/** The limit that `bytes` more would pass, or undefined if they fit; `messages` is 1 for a new
 * message, 0 for a later part of one already waiting. */
export function mailboxLimitReached(
	size: MailboxSize,
	bytes: number,
	limits: MailboxLimits,
	messages: 0 | 1 = 1,
): keyof MailboxSize | undefined {
	if (messages > 0 && size.messages + messages > limits.messages) return 'messages';
	if (size.bytes + bytes > limits.bytes) return 'bytes';
	return undefined;
}
