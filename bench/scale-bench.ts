// Scale and memory: each contender fresh (so its memory starts clean), many idle users.
import type {BenchOptions} from './bench-options.js';
import {BenchReport, fixed, times, whole} from './bench-report.js';
import {baselineTwin, loginsInFlight, startRelay, type Contender} from './contenders.js';
import {runScale, type ScaleResult} from './scale-run.js';
import {ratio} from './stats.js';

const HOST_TARGET = '≤ 16 KB per idle user';

export async function benchScale(
	options: BenchOptions,
	report: BenchReport,
	contenders: readonly Contender[],
): Promise<void> {
	const {users, workers, loginDeadlineSeconds} = options.scale;
	const benchmark = `scale, ${whole(users)} idle users`;
	const results = new Map<string, ScaleResult>();
	for (const contender of contenders) {
		const server = await startRelay(contender.relay, {baselineDir: options.baseline});
		const inFlightPerWorker = Math.max(1, Math.floor(loginsInFlight(contender.relay) / workers));
		try {
			const result = await runScale(
				server,
				contender.faceName,
				{users, workers, inFlightPerWorker, loginDeadlineMs: loginDeadlineSeconds * 1000},
				's',
			);
			if (result.problem) report.fail(`${benchmark}, ${contender.label}: ${result.problem}`);
			results.set(contender.key, result);
		} catch (error) {
			report.fail(`${benchmark}, ${contender.label}: ${(error as Error).message}`);
		} finally {
			await server.stop();
		}
	}
	const versus = (result: ScaleResult, key: string) => {
		const other = results.get(key);
		if (!other) return '';
		const memory = times(ratio(result.rssPerUserBytes, other.rssPerUserBytes));
		return `mem ${memory}, logins ${times(ratio(result.loginsPerSecond, other.loginsPerSecond))}`;
	};
	for (const contender of contenders) {
		const result = results.get(contender.key);
		if (!result) continue;
		const cut =
			result.users < users
				? ` (login deadline: ${whole(result.users)} of ${whole(users)} in ${loginDeadlineSeconds} s)`
				: '';
		report.add({
			benchmark,
			contender: contender.label,
			result:
				`${fixed(result.rssPerUserBytes / 1024, 1)} KB/user, ${whole(result.loginsPerSecond)} logins/s ` +
				`(${loginsInFlight(contender.relay)} in flight)${cut}, round trip ${fixed(result.roundTripMs)} ms`,
			vsNgircd: contender.key === 'ngircd' ? '' : versus(result, 'ngircd'),
			vsBare: contender.key === 'bare' ? '' : versus(result, 'bare'),
			vsBaseline: versus(result, baselineTwin(contender.key) ?? ''),
			target: contender.relay === 'host' ? HOST_TARGET : '',
			figures: {
				users: result.users,
				usersAsked: users,
				rssPerUserBytes: result.rssPerUserBytes,
				loginsPerSecond: result.loginsPerSecond,
				loginsInFlight: loginsInFlight(contender.relay),
				roundTripMs: result.roundTripMs,
			},
		});
	}
}
