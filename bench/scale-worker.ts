// A child process that holds a share of the scale run's idle users, so no process needs more
// open files than the machine allows (20,000 per process).
import {BenchUser, leaveAll, logInAll} from './bench-user.js';
import {facesByName, type FaceName} from './relay-faces.js';

export type ScaleWorkerTask = {
	port: number;
	face: FaceName;
	names: string[];
	inFlight: number;
};

export type ScaleWorkerReport =
	| {type: 'loaded'}
	| {type: 'ready'}
	| {type: 'failed'; reason: string}
	| {type: 'dropped'; reason: string};

const send = (report: ScaleWorkerReport) => process.send?.(report);
const task = JSON.parse(process.argv[2] ?? '{}') as ScaleWorkerTask;
const face = facesByName[task.face];
let users: BenchUser[] = [];

async function logIn() {
	try {
		users = await logInAll(task.port, face, task.names, task.inFlight);
		for (const user of users) {
			void user.closed.then(() => {
				if (user.dropped) send({type: 'dropped', reason: `${user.name}: ${user.dropped}`});
			});
		}
		send({type: 'ready'});
	} catch (error) {
		send({type: 'failed', reason: (error as Error).message});
	}
}

// The parent times the logins from its `login` to the last `ready`, without process start-up.
process.on('message', async (message) => {
	if (message === 'login') await logIn();
	else if (message === 'leave') {
		await leaveAll(users, face);
		process.disconnect();
	}
});
send({type: 'loaded'});
