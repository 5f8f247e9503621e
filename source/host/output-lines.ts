// Writes the host's lines to stdout or stderr for as long as someone reads them: `chat host |
// head -1` closes the pipe, and a closed stream must never stop the host or be written again.

type LineStream = Pick<NodeJS.WritableStream, 'write' | 'on'> & {destroyed?: boolean};

/** A writer of whole lines to `stream`; after the stream fails (EPIPE …) it writes nothing. */
export function outputLines(stream: LineStream): (line: string) => void {
	let open = true;
	// Without a listener a failed write (EPIPE) is an uncaught error that ends the host. Nothing
	// is logged about it: the log may be the stream that failed.
	stream.on('error', () => {
		open = false;
	});
	return (line) => {
		if (!open || stream.destroyed === true) return;
		stream.write(`${line}\n`);
	};
}
