// `chat host` in its own process for the benchmark: startHost with every flood limit off (as
// ngircd runs with its penalties off), on loopback, printing `listening <port>`. An argument
// `redis://…` makes it one host of that cluster (the cluster rows).
import {startHost} from '../source/host/start-host.js';
import {answerGarbageCollectionRequests} from './running-server.js';

const host = await startHost({
	port: 0,
	bind: '127.0.0.1',
	maxPerAddress: 0,
	loginRate: 0,
	rate: 0,
	burst: 0,
	...(process.argv[2]?.startsWith('redis') ? {redis: process.argv[2]} : {}),
});
console.log(`listening ${host.port}`);
answerGarbageCollectionRequests();
const stop = async () => {
	await host.close();
	process.exit(0);
};
process.once('SIGTERM', stop);
// The bench closes our stdin when it ends, however it ends.
process.stdin.on('end', stop);
process.once('SIGINT', stop);
