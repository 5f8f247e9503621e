// A child process that holds a share of the scale run's idle users, so no process needs more
// open files than the machine allows (20,000 per process).
import {BenchUser, leaveAll, logInAll, type LoginHalt} from './bench-user.js';
import {facesByName, type FaceName} from './relay-faces.js';

export type ScaleWorkerTask = {
	port: number;
	face: FaceName;
	/** Users are named prefix + first … prefix + (first + count - 1). */
	prefix: string;
	first: number;
	count: number;
	inFlight: number;
};

/** Parent → worker: `login`, then `halt` (stop starting logins) or `leave`. */
export type ScaleWorkerCommand = 'login' | 'halt' | 'leave';

export type ScaleWorkerReport =
	| {type: 'loaded'}
	| {type: 'ready'; users: number}
	| {type: 'failed'; reason: string}
	| {type: 'dropped'; reason: string};

const send = (report: ScaleWorkerReport) => process.send?.(report);
const task = JSON.parse(process.argv[2] ?? '{}') as ScaleWorkerTask;
const face = facesByName[task.face];
const names = Array.from({length: task.count}, (_, index) => `${task.prefix}${task.first + index}`);
const halt: LoginHalt = {halted: false};
let users: BenchUser[] = [];

async function logIn() {
	try {
		users = await logInAll(task.port, face, names, task.inFlight, halt);
		for (const user of users) {
			void user.closed.then(() => {
				if (user.dropped) send({type: 'dropped', reason: `${user.name}: ${user.dropped}`});
			});
		}
		send({type: 'ready', users: users.length});
	} catch (error) {
		send({type: 'failed', reason: (error as Error).message});
	}
}

// The parent times the logins from its `login` to the last `ready`, without process start-up.
process.on('message', async (command: ScaleWorkerCommand) => {
	if (command === 'login') await logIn();
	else if (command === 'halt') halt.halted = true;
	else {
		await leaveAll(users, face);
		process.disconnect();
	}
});
// A parent that is gone (Ctrl+C, a crash) takes its workers with it.
process.on('disconnect', () => process.exit(0));
send({type: 'loaded'});
