// The structured face's line shape: `VERB param param :trailing` (docs/protocol.md "The structured face").

export type StructuredLine = {verb: string; params: string[]; trailing: string | undefined};

const SPACE = 32;
const COLON = 58;

/** Splits a line into verb, params and trailing. Never throws; runs of spaces count as one. */
export function parseStructuredLine(line: string): StructuredLine {
	const length = line.length;
	let index = 0;
	while (index < length && line.charCodeAt(index) === SPACE) index++;

	let verbEnd = line.indexOf(' ', index);
	if (verbEnd === -1) verbEnd = length;
	const verb = line.slice(index, verbEnd);
	const params: string[] = [];
	index = verbEnd;

	while (index < length) {
		if (line.charCodeAt(index) === SPACE) {
			index++;
			continue;
		}

		if (line.charCodeAt(index) === COLON) {
			return {verb, params, trailing: line.slice(index + 1)};
		}

		let paramEnd = line.indexOf(' ', index);
		if (paramEnd === -1) paramEnd = length;
		params.push(line.slice(index, paramEnd));
		index = paramEnd;
	}

	return {verb, params, trailing: undefined};
}

/** Builds a line without its newline. A given trailing always gets its `:`, even when empty. */
export function formatStructuredLine(
	verb: string,
	params: readonly string[],
	trailing?: string,
): string {
	let line = verb;
	for (const param of params) line += ' ' + param;
	if (trailing !== undefined) line += ' :' + trailing;
	return line;
}
