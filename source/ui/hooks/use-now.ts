// The time for a countdown: the screen is drawn again every second while `ticking`, and an idle
// screen not at all.
import {useEffect, useState} from 'react';
import type {Clock} from '../clock.js';

/** How often a countdown on screen moves: it counts whole seconds. */
const TICK_MS = 1000;

export function useNow(clock: Clock, ticking: boolean): number {
	const [, setTicks] = useState(0);
	useEffect(() => {
		if (!ticking) return;
		return clock.every(TICK_MS, () => {
			setTicks((ticks) => ticks + 1);
		});
	}, [clock, ticking]);
	// Read as the frame is drawn, so the first frame of a countdown is as right as the later ones.
	return clock.now();
}
