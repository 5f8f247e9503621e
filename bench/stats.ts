// Order statistics for the benchmark's figures. Medians, not means: shared machines are noisy.

/** The value below which `fraction` of the samples fall (nearest rank); NaN for no samples. */
export function percentile(samples: readonly number[], fraction: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
	return sorted[rank] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
	return percentile(samples, 0.5);
}

export function maximum(samples: readonly number[]): number {
	let most = Number.NaN;
	for (const sample of samples) if (!(sample <= most)) most = sample;
	return most;
}

/** `value / base`, or NaN when either side is missing (a skipped contender). */
export function ratio(value: number, base: number): number {
	return Number.isFinite(value) && Number.isFinite(base) && base > 0 ? value / base : Number.NaN;
}
