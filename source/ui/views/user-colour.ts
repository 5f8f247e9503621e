// A stable colour per user name, so a person keeps their colour across lines, sessions and peers.

/** Colours readable on both dark and light backgrounds. */
const PALETTE = [
	'cyan',
	'green',
	'yellow',
	'blue',
	'magenta',
	'red',
	'cyanBright',
	'greenBright',
	'magentaBright',
	'blueBright',
] as const;

type UserColour = (typeof PALETTE)[number];

/** FNV-1a over the UTF-16 units of the name: cheap and spreads similar names apart. */
export function userColour(name: string): UserColour {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < name.length; index++) {
		hash ^= name.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93);
	}
	return PALETTE[(hash >>> 0) % PALETTE.length] ?? 'cyan';
}
