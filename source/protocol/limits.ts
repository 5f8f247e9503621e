// Every limit of the protocol and the host, in one place, each with its reason.
// docs/protocol.md ("Limits") is the user-facing copy of this table.

/** The port `chat host` listens on and `chat join` connects to unless told otherwise. */
export const DEFAULT_PORT = 21_567;

/** A chat line; anything longer is a paste bomb. Longer lines are discarded, never buffered whole. */
export const MAX_LINE_BYTES = 8192;

/** Room the host adds around a text when it relays it (verb, ids, times, names, ctime stamp). */
export const MAX_ENVELOPE_BYTES = 512;

/** The longest line a client must accept from the host. */
export const MAX_HOST_LINE_BYTES = MAX_LINE_BYTES + MAX_ENVELOPE_BYTES;

/** A name fits in the user list and a prompt; 32 is what IRC networks settled on. */
export const MAX_NAME_LENGTH = 32;

/** A client's message id is short so it costs little on every line. */
export const MAX_REF_LENGTH = 32;

/** Each `USERS` roster line stays well under the line limit. */
export const MAX_ROSTER_LINE_BYTES = 4096;

/** The structured protocol version this build speaks. */
export const PROTOCOL_VERSION = 1;
