// What a process holds right now, from Linux /proc: resident memory and open descriptors.
import {readdirSync, readFileSync} from 'node:fs';

export type ProcessSample = {
	/** Seconds since the run started. */
	at: number;
	rssMiB: number;
	fds: number;
};

/** Resident memory in MiB; NaN once the process is gone. */
function residentMiB(pid: number): number {
	try {
		const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
	} catch {
		return Number.NaN;
	}
}

function openFdCount(pid: number): number {
	try {
		return readdirSync(`/proc/${pid}/fd`).length;
	} catch {
		return Number.NaN;
	}
}

export function sampleProcess(pid: number, startedAt: number): ProcessSample {
	return {
		at: Math.round((performance.now() - startedAt) / 100) / 10,
		rssMiB: residentMiB(pid),
		fds: openFdCount(pid),
	};
}

/** One line per sample, for the by-hand runs. */
export function formatSample(label: string, sample: ProcessSample): string {
	return `${label.padEnd(28)} t=${String(sample.at).padStart(6)} s  RSS ${String(sample.rssMiB).padStart(4)} MiB  fds ${String(sample.fds).padStart(5)}`;
}
