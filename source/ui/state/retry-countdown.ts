// The status bar's `retrying in N s`, counted down from when the client will try again.

/** `retrying in 4 s`, `retrying now` once the time has come; after what keeps us out, if anything. */
export function retryCountdown(retryAt: number, now: number, why?: string): string {
	const seconds = Math.ceil((retryAt - now) / 1000);
	const retry = seconds > 0 ? `retrying in ${seconds} s` : 'retrying now';
	return why === undefined ? retry : `${why}: ${retry}`;
}
