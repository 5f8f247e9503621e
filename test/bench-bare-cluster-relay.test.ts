// The cluster latency rows' floor (bench/bare-cluster-relay.ts) must carry every text across its
// processes, or its figures would be of a relay that drops work.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startBenchCluster} from '../bench/cluster-hosts.js';
import {runLatency} from '../bench/latency-run.js';
import {plainFace} from '../bench/relay-faces.js';
import {redisMissing} from './helpers/redis-server.js';

const missing = redisMissing();

test(
	'the bare relays through Redis carry every text of a latency run between two processes',
	{skip: missing},
	async () => {
		const floor = await startBenchCluster({bare: true, watcherName: 'unused'});
		try {
			const result = await runLatency(
				floor.a,
				plainFace,
				{users: 20, messagesPerSecond: 400, seconds: 0.5, warmupSeconds: 0.1},
				'f',
				floor.b,
			);
			assert.equal(result.problem, undefined);
			assert.equal(result.sent, 240);
			assert.equal(result.lost, 0);
			assert.ok(result.p99Ms > 0, `a p99 of ${result.p99Ms} ms`);
		} finally {
			await floor.stop();
		}
	},
);
