// The options a SEND and a MSG may carry before their text (docs/protocol.md "Long and multi-line
// messages", "Actions"): `kind=action`, and `more=N` on every part of a message but its last.

/** Line breaks between two parts are at most this many: longer runs of blank lines collapse to it. */
export const MAX_BREAKS_BETWEEN_PARTS = 99;

export type MessageOptions = {
	/** `/me`: the text says what the sender does. */
	action?: boolean;
	/** Another part of this message follows, after this many line breaks (0: the same line goes on). */
	more?: number;
};

const ACTION = 'kind=action';
const MORE = 'more=';
const BREAKS = /^\d{1,2}$/;

/** ` kind=action more=N`, or '' for a plain one-part message, so its line is as it always was. */
export function encodeMessageOptions(options: MessageOptions | undefined): string {
	if (options === undefined) return '';
	let encoded = '';
	if (options.action === true) encoded += ' ' + ACTION;
	if (options.more !== undefined) encoded += ' ' + MORE + String(options.more);
	return encoded;
}

/** The options among `params`; undefined when one of them is not an option this build knows. */
export function parseMessageOptions(params: readonly string[]): MessageOptions | undefined {
	const options: MessageOptions = {};
	for (const param of params) {
		if (param === ACTION) {
			options.action = true;
			continue;
		}

		const breaks = param.startsWith(MORE) ? param.slice(MORE.length) : '';
		if (!BREAKS.test(breaks)) return undefined;
		options.more = Number(breaks);
	}

	return options;
}
