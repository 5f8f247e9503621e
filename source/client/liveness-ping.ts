// Notices a dead network: a host that has been silent gets a PING, and no answer in time
// means the connection is gone even though TCP has not said so (a dropped Wi-Fi, a closed lid).
import {CLIENT_PING_AFTER_SILENCE_MS, CLIENT_PONG_TIMEOUT_MS} from './limits.js';

export type KeepaliveTimings = {pingAfterSilenceMs: number; pongTimeoutMs: number};

export const DEFAULT_KEEPALIVE: KeepaliveTimings = {
	pingAfterSilenceMs: CLIENT_PING_AFTER_SILENCE_MS,
	pongTimeoutMs: CLIENT_PONG_TIMEOUT_MS,
};

export type LivenessPing = {
	/** Call on every line from the host: any line proves it is alive. */
	heard(): void;
	stop(): void;
};

export function startLivenessPing(
	timings: KeepaliveTimings,
	sendPing: (token: string) => void,
	onDead: () => void,
): LivenessPing {
	let timer: NodeJS.Timeout | undefined;
	let pings = 0;
	const arm = (ms: number, action: () => void) => {
		clearTimeout(timer);
		timer = setTimeout(action, ms);
		// The socket keeps the process alive; a pending ping must not.
		timer.unref();
	};

	const waitForSilence = () => {
		arm(timings.pingAfterSilenceMs, () => {
			pings++;
			sendPing(`k${pings}`);
			arm(timings.pongTimeoutMs, onDead);
		});
	};

	waitForSilence();
	return {
		heard: waitForSilence,
		stop() {
			clearTimeout(timer);
			timer = undefined;
		},
	};
}
