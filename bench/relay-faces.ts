// How the load generator speaks to each contender. Every contender carries the same 64-byte
// texts; only the envelope differs, and each received message line ends with its text.

type LineKind = 'delivered' | 'failed' | 'other';

export type RelayFace = {
	/** Lines that log in as `name` (sent at once). */
	login(name: string): string;
	/** True for the line that completes a login; throws on a refusal. */
	loggedIn(line: string): boolean;
	/** Lines that make `to` the partner before the first message ('' when messages name it). */
	choosePartner(to: string): string;
	/** One message line carrying `text` to `to`; `seq` is unique per sender. */
	message(to: string, text: string, seq: number): string;
	/** Classifies a line after login that is not a relayed text (results, errors, events). */
	classifyLine(line: Buffer, start: number, end: number): LineKind;
	/** The answer to a keepalive ping, so idle users stay connected; undefined for other lines. */
	pong?(line: Buffer, start: number, end: number): string | undefined;
	/** True when every message gets a result line that the sender must read. */
	readonly acknowledges: boolean;
	quit(): string;
};

const D = 0x44; // DELIVERED
const E = 0x45; // ERROR
const F = 0x46; // FAILED

/** Both `chat host` and IRC ask `PING <token>` and want `PONG <token>`. */
function pongFor(line: Buffer, start: number, end: number): string | undefined {
	if (line[start] !== 0x50 /* P */) return undefined;
	const text = line.toString('latin1', start, end);
	return text.startsWith('PING ') ? `PONG ${text.slice(5)}\n` : undefined;
}

function refuse(line: string, pattern: RegExp): void {
	if (pattern.test(line)) throw new Error(`login refused: ${line}`);
}

/** The plain face of `chat host` (netcat users). */
export const plainFace: RelayFace = {
	login: (name) => `${name}\n`,
	loggedIn(line) {
		refuse(line, /^(Reuse|Invalid name|This host needs|Wrong password|Disconnected)/);
		return line === 'Welcome!';
	},
	choosePartner: (to) => `to:${to}\n`,
	message: (_to, text) => `${text}\n`,
	// A plain sender hears nothing back unless something went wrong.
	classifyLine: () => 'failed',
	acknowledges: false,
	quit: () => 'quit\n',
};

/** The structured face of `chat host` (the Ink client, bots). */
const structuredFace: RelayFace = {
	login: (name) => `HELLO 1 ${name}\n`,
	loggedIn(line) {
		refuse(line, /^(REFUSED|BYE)/);
		return line === 'USERS-END';
	},
	choosePartner: () => '',
	message: (to, text, seq) => `SEND r${seq.toString(36)} ${to} :${text}\n`,
	classifyLine(line, start) {
		switch (line[start]) {
			case D:
				return 'delivered';
			case F:
			case E:
				return 'failed';
			default:
				// HELD (a final result follows), JOIN, LEAVE, PING and the like.
				return 'other';
		}
	},
	pong: (line, start, end) => pongFor(line, start, end),
	acknowledges: true,
	quit: () => 'QUIT\n',
};

/** IRC (ngircd): PRIVMSG between two registered nicks. */
const ircFace: RelayFace = {
	login: (name) => `NICK ${name}\r\nUSER ${name} 0 * :${name}\r\n`,
	loggedIn(line) {
		refuse(line, /^(ERROR|:\S+ (43[1-6]|46[1-5]) )/);
		// End of MOTD, or no MOTD: registration is complete.
		return /^:\S+ (376|422) /.test(line);
	},
	choosePartner: () => '',
	message: (to, text) => `PRIVMSG ${to} :${text}\r\n`,
	// Numerics (401 no such nick …) mean a message was refused.
	classifyLine: (line, start) => (line[start] === 0x3a /* : */ ? 'failed' : 'other'),
	pong: (line, start, end) => pongFor(line, start, end),
	acknowledges: false,
	quit: () => 'QUIT :bench\r\n',
};

export const facesByName = {
	plain: plainFace,
	structured: structuredFace,
	irc: ircFace,
	// The bare relay speaks the same minimal routing as the plain face.
	bare: plainFace,
} as const;

export type FaceName = keyof typeof facesByName;
