// Ctrl+L and Ctrl+Z: each request the state counts redraws the terminal or suspends to the shell.
import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';

/** Clears the screen; Ink's write then draws the whole last frame again below it. */
const CLEAR_SCREEN = '\u001B[2J\u001B[H';

export function useScreenRequests(
	requests: {redraw: number; suspend: number},
	onSuspend: (() => Promise<void>) | undefined,
): void {
	const {write} = useStdout();
	const done = useRef(requests);
	useEffect(() => {
		const previous = done.current;
		done.current = requests;
		if (requests.suspend !== previous.suspend && onSuspend) {
			// Back from the shell the screen is empty: draw it all again.
			void onSuspend().then(() => {
				write(CLEAR_SCREEN);
			});
		} else if (requests.redraw !== previous.redraw) {
			write(CLEAR_SCREEN);
		}
	}, [requests, onSuspend, write]);
}
