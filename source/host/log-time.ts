// The stamp of a host log line: local time, to the second, with its offset from UTC (RFC 3339),
// so a log read on another machine, or across a change to summer time, still says when.

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2026-12-01T15:04:05+01:00` for that local time in a zone one hour east of UTC. */
export function formatLogTime(date: Date): string {
	// getTimezoneOffset is minutes *behind* UTC: -60 where the clock is one hour ahead.
	const offset = -date.getTimezoneOffset();
	const sign = offset < 0 ? '-' : '+';
	const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
	const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
	return `${day}T${time}${zone}`;
}
