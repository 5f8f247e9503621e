// C `ctime()` of the host's local time, as the original relay stamped plain messages.

// Three letters each, picked by slicing.
const DAYS = 'SunMonTueWedThuFriSat';
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

function twoDigits(value: number): string {
	return value < 10 ? '0' + String(value) : String(value);
}

/** `Wed Nov 25 18:40:00 2026`, the day of month padded with a space, no newline. */
export function formatCtime(epochMs: number): string {
	const date = new Date(epochMs);
	const day = date.getDate();
	return (
		DAYS.slice(date.getDay() * 3, date.getDay() * 3 + 3) +
		' ' +
		MONTHS.slice(date.getMonth() * 3, date.getMonth() * 3 + 3) +
		' ' +
		(day < 10 ? ' ' + String(day) : String(day)) +
		' ' +
		twoDigits(date.getHours()) +
		':' +
		twoDigits(date.getMinutes()) +
		':' +
		twoDigits(date.getSeconds()) +
		' ' +
		String(date.getFullYear())
	);
}

/** Formats at most once per second: the relay stamps every plain message. */
export class CtimeClock {
	#second = Number.NaN;
	#text = '';

	now(epochMs: number = Date.now()): string {
		const second = Math.floor(epochMs / 1000);
		if (second !== this.#second) {
			this.#second = second;
			this.#text = formatCtime(epochMs);
		}

		return this.#text;
	}
}
