// Makes the host's socket to a structured user full, over real TCP: the user stops reading, and a
// sender sends it big messages until some of them stay in the host's queue. That is seen without
// a timer: a message the host handed to the socket is DELIVERED in the same write as the PONG of
// a PING sent after it, so once a second PING is answered, every message without a DELIVERED is
// still waiting in the host.
import type {RawClient} from './raw-client.js';

/** Big enough to fill the kernel's buffers in few lines, well under the 8 KiB line limit. */
const TEXT = 'x'.repeat(8000);
/** Messages sent between two checks. */
const CHUNK = 64;
/** More than loopback buffers can hold (a few MiB while nobody reads). */
const MAX_MESSAGES = 8192;

/** Round trips until `client`'s lines so far are all answered by the host. */
async function settle(client: RawClient, tag: string): Promise<void> {
	for (const round of ['a', 'b']) {
		client.send(`PING ${tag}${round}`);
		await client.waitForLine((line) => line === `PONG ${tag}${round}`);
	}
}

/** Pauses `reader` and fills its link from `sender`; resolves with the messages sent. */
export async function stallReader(
	reader: RawClient,
	readerName: string,
	sender: RawClient,
): Promise<number> {
	reader.socket.pause();
	let sent = 0;
	while (sent < MAX_MESSAGES) {
		const lines: string[] = [];
		for (let index = 0; index < CHUNK; index++)
			lines.push(`SEND fill${sent++} ${readerName} :${TEXT}`);
		sender.socket.write(lines.join('\n') + '\n');
		await settle(sender, `fill${sent}`);
		const delivered = sender.lines.filter((line) => line.startsWith('DELIVERED fill')).length;
		if (delivered < sent) return sent;
	}

	throw new Error(`the host took all of ${sent} messages: the reader never stalled`);
}
