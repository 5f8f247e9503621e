// The cluster's scale row (issue 10): idle users spread evenly over three fresh hosts of one
// Redis, logged in from scale workers (scale-worker.ts, as the single host's scale row); memory per
// user on each host (RSS after a full GC, before and after) and in Redis (`INFO memory`'s
// used_memory, before and after), and the logins per second of the whole storm.
import {createClient} from 'redis';
import {BenchReport, fixed, whole} from './bench-report.js';
import type {FaceName} from './relay-faces.js';
import {startNodeServer, type RunningServer} from './running-server.js';
import {startWorker, stopWorker, tell, waitUntilIdle, type ScaleWorker} from './scale-run.js';

/** The figure: 30,000 idle users, 10,000 a host, as many as one host holds alone. */
const CLUSTER_SCALE_USERS = 30_000;
const CLUSTER_SCALE_HOSTS = 3;
/** 5,000 sockets a worker, far inside the 20,000 open files a process may have here. */
const WORKERS_PER_HOST = 2;
/** 64 logins in flight a host, as the single host's scale row. */
const LOGINS_IN_FLIGHT_PER_WORKER = 32;
/** Logins stop here; the figures then cover the users in. */
const LOGIN_DEADLINE_MS = 300_000;
/** The plain face: structured users would each be sent a roster of everyone before them, so the
 * storm would measure rosters (quadratic), not idle users. */
const FACE: FaceName = 'plain';

const HOST_SCRIPT = new URL('host-process.ts', import.meta.url).pathname;

export async function benchClusterScale(
	report: BenchReport,
	redisUrl: string,
	tag: string,
): Promise<void> {
	const benchmark = `cluster scale, ${whole(CLUSTER_SCALE_USERS)} idle users, ${FACE}`;
	const hosts: RunningServer[] = [];
	const redis = createClient({url: redisUrl});
	await redis.connect();
	const workers: ScaleWorker[] = [];
	try {
		for (let index = 0; index < CLUSTER_SCALE_HOSTS; index++) {
			hosts.push(
				await startNodeServer(HOST_SCRIPT, [redisUrl], `cluster scale host ${index + 1}`, {
					nodeFlags: ['--expose-gc'],
					garbageCollectable: true,
				}),
			);
		}

		await Promise.all(hosts.map(async (host) => host.collectGarbage?.()));
		const rssBefore = hosts.map((host) => host.rssBytes());
		const redisBefore = await usedMemory(redis);
		let problem: string | undefined;
		const perWorker = Math.ceil(CLUSTER_SCALE_USERS / (CLUSTER_SCALE_HOSTS * WORKERS_PER_HOST));
		const byHost: ScaleWorker[][] = hosts.map((host, hostIndex) =>
			Array.from({length: WORKERS_PER_HOST}, (_, index) => {
				const first = (hostIndex * WORKERS_PER_HOST + index) * perWorker;
				const count = Math.max(0, Math.min(perWorker, CLUSTER_SCALE_USERS - first));
				const task = {
					port: host.port,
					face: FACE,
					prefix: `${tag}i`,
					first,
					count,
					inFlight: LOGINS_IN_FLIGHT_PER_WORKER,
				};
				return startWorker(task, (reason) => (problem ??= reason));
			}),
		);
		workers.push(...byHost.flat());
		const allReady = Promise.all(workers.map(async (worker) => worker.ready));
		await Promise.race([Promise.all(workers.map(async (worker) => worker.loaded)), allReady]);
		const started = performance.now();
		for (const {child} of workers) tell(child, 'login');
		const deadline = setTimeout(() => {
			for (const {child} of workers) tell(child, 'halt');
		}, LOGIN_DEADLINE_MS);
		const counts = await allReady.finally(() => clearTimeout(deadline));
		const loginMs = performance.now() - started;
		const users = counts.reduce((sum, count) => sum + count, 0);
		await Promise.all(hosts.map(async (host) => waitUntilIdle(host)));
		await Promise.all(hosts.map(async (host) => host.collectGarbage?.()));
		const perHost = hosts.map((host, index) => {
			const hostUsers = counts
				.slice(index * WORKERS_PER_HOST, (index + 1) * WORKERS_PER_HOST)
				.reduce((sum, count) => sum + count, 0);
			return (host.rssBytes() - (rssBefore[index] ?? 0)) / hostUsers;
		});
		const redisPerUser = ((await usedMemory(redis)) - redisBefore) / users;
		problem ??= hosts.map((host) => host.crash()).find((crash) => crash !== undefined);
		if (problem !== undefined) report.fail(`${benchmark}: ${problem}`);
		const loginsPerSecond = (users / loginMs) * 1000;
		const cut =
			users < CLUSTER_SCALE_USERS
				? ` (login deadline: ${whole(users)} of ${whole(CLUSTER_SCALE_USERS)})`
				: '';
		const kb = (bytes: number) => fixed(bytes / 1024, 1);
		report.add({
			benchmark,
			contender: `${CLUSTER_SCALE_HOSTS} hosts, 1 Redis`,
			result:
				`hosts ${perHost.map(kb).join(' / ')} KB/user, Redis ${fixed(redisPerUser, 0)} B/user, ` +
				`${whole(loginsPerSecond)} logins/s${cut}`,
			figures: {
				users,
				usersAsked: CLUSTER_SCALE_USERS,
				...Object.fromEntries(
					perHost.map((bytes, index) => [`rssPerUserBytesHost${index + 1}`, bytes]),
				),
				redisBytesPerUser: redisPerUser,
				loginsPerSecond,
			},
		});
	} finally {
		await Promise.all(workers.map(async ({child}) => stopWorker(child)));
		await Promise.all(hosts.map(async (host) => host.stop()));
		await redis.quit();
	}
}

/** Redis's `used_memory`, in bytes. */
async function usedMemory(redis: {info(section: string): Promise<unknown>}): Promise<number> {
	const info = String(await redis.info('memory'));
	const match = /^used_memory:(\d+)/m.exec(info);
	if (match === null) throw new Error('Redis did not report used_memory');
	return Number(match[1]);
}
