// `chat log NAME@HOST[:PORT] [PARTNER] [--json]`: the local history on stdout, one message a
// line for grep and less, or the list of conversations with their counts and last times.
import process from 'node:process';
import {formatHostLabel} from '../client/closing-sentences.js';
import {parseAddress} from '../client/parse-address.js';
import {chatDataDir} from '../data-dir.js';
import {EXIT_FAILURE, EXIT_USAGE} from '../exit-codes.js';
import {HistoryStore} from '../history/history-store.js';
import {HistoryOpenError} from '../history/open-history-file.js';
import {conversationLine, messageLine} from './log-lines.js';

export type LogOptions = {address: string; partner?: string; json: boolean};

export async function runLog(
	options: LogOptions,
	output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
	const parsed = parseAddress(options.address);
	if (!parsed.ok) {
		process.stderr.write(`chat: ${parsed.error}\n`);
		return EXIT_USAGE;
	}
	const {name, host, port} = parsed.address;
	let store: HistoryStore;
	try {
		store = new HistoryStore({
			dir: chatDataDir(),
			host: formatHostLabel({host, port}),
			self: name,
			create: false,
		});
	} catch (error: unknown) {
		const sentence = error instanceof HistoryOpenError ? error.message : String(error);
		process.stderr.write(`chat log: ${sentence}\n`);
		return EXIT_FAILURE;
	}
	// A reader that stops early (`chat log … | head`) closes the pipe: the writes stop, quietly,
	// as cat's and grep's do, instead of an EPIPE stack trace.
	let readerGone = false;
	const onError = () => {
		readerGone = true;
		output.emit('drain');
	};
	output.on('error', onError);
	try {
		const write = (line: string) => (output.write(`${line}\n`) ? undefined : waitForDrain(output));
		const lines =
			options.partner === undefined
				? mapLines(store.allConversations(), (each) => conversationLine(each, options.json))
				: mapLines(store.everyMessage(options.partner), (each) =>
						messageLine(each, options.partner ?? '', options.json),
					);
		for (const line of lines) {
			if (readerGone) break;
			await write(line);
		}
		return 0;
	} finally {
		// The handler stays: the pipe's error can still come after the last write.
		store.close();
	}
}

function* mapLines<T>(items: Iterable<T>, line: (item: T) => string): Generator<string> {
	for (const item of items) yield line(item);
}

/** A pipe to `less` fills: the next line waits for it, so memory stays flat. */
async function waitForDrain(output: NodeJS.WritableStream): Promise<void> {
	await new Promise((resolve) => {
		output.once('drain', resolve);
	});
}
