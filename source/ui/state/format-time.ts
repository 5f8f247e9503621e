// How times are shown: HH:MM beside each message, and a line where the day changes.

const pad = (value: number) => String(value).padStart(2, '0');

/** 'HH:MM' in local time. */
export function clockTime(time: number): string {
	const date = new Date(time);
	return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A key that differs between two local calendar days. */
export function dayKey(time: number): number {
	const date = new Date(time);
	return date.getFullYear() * 10_000 + date.getMonth() * 100 + date.getDate();
}

let dayFormat: Intl.DateTimeFormat | undefined;

/** 'Wed 25 Nov 2026': the label of a day-change line. */
export function dayLabel(time: number): string {
	// Made on first use: its locale data takes long enough to load that a first frame with no
	// day line to draw (a join with no history) should not wait for it.
	dayFormat ??= new Intl.DateTimeFormat('en-GB', {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
	});
	return dayFormat.format(new Date(time)).replaceAll(',', '');
}
