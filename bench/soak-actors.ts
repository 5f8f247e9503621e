// The users of the churn soak (churn-soak.ts). Each logs in and chats with a partner of the other
// face, and now and then resets its connection and resumes, quits and logs in again, half-closes,
// or opens a connection that never logs in. Every outcome is counted; anything the protocol does
// not allow is kept as a problem.
import {connectLines, type LineSocket} from './line-socket.js';

export type SoakCounts = {
	logins: number;
	resumes: number;
	resets: number;
	quits: number;
	halfCloses: number;
	idleConnects: number;
	sent: number;
	/** Final results of structured SENDs: DELIVERED, FAILED (the partner was gone), HELD (away). */
	delivered: number;
	failed: number;
	held: number;
	received: number;
	problems: string[];
};

/** Who a soak user is: its name, its partner's, and the loopback address it connects from (its
 * own, so the host's per-address limits see one person each). */
export type SoakUser = {port: number; name: string; partner: string; address: string};

export function newCounts(): SoakCounts {
	return {
		logins: 0,
		resumes: 0,
		resets: 0,
		quits: 0,
		halfCloses: 0,
		idleConnects: 0,
		sent: 0,
		delivered: 0,
		failed: 0,
		held: 0,
		received: 0,
		problems: [],
	};
}

/** A step every 60-140 ms: a connection stays well below the host's 20 lines a second. */
const STEP_MIN_MS = 60;
const STEP_SPREAD_MS = 80;
const ANSWER_DEADLINE_MS = 10_000;
/** A plain name comes free once the host has seen the old socket close: a few tries. */
const PLAIN_LOGIN_TRIES = 20;
const PROBLEMS_KEPT = 20;

const pause = async () =>
	new Promise<void>((resolve) => {
		setTimeout(resolve, STEP_MIN_MS + Math.random() * STEP_SPREAD_MS);
	});

function problem(counts: SoakCounts, what: string): void {
	if (counts.problems.length < PROBLEMS_KEPT) counts.problems.push(what);
}

/** A connection that never logs in: it sends nothing, or a partial line, and goes. */
async function idleConnect(user: SoakUser, counts: SoakCounts): Promise<void> {
	const socket = await connectLines(user.port, user.address);
	counts.idleConnects++;
	if (Math.random() < 0.5) socket.socket.write('HELLO 1 half-a-li');
	socket.socket.destroy();
}

type Session = {client: LineSocket; token: string; last: number};

async function structuredLogin(
	user: SoakUser,
	counts: SoakCounts,
	resumeFrom?: Session,
): Promise<Session> {
	const {name} = user;
	const client = await connectLines(user.port, user.address);
	const session: Session = {client, token: '', last: resumeFrom?.last ?? 0};
	client.watch((line) => {
		if (!line.startsWith('MSG ')) return;
		counts.received++;
		session.last = Math.max(session.last, Number(line.split(' ')[1]));
	});
	const resume = resumeFrom ? ` resume=${resumeFrom.token} last=${resumeFrom.last}` : '';
	client.send(`HELLO 1 ${name}${resume}`);
	const welcome = await client.waitFor(/^(WELCOME|REFUSED) /, ANSWER_DEADLINE_MS);
	if (welcome.startsWith('REFUSED')) throw new Error(`${name}: ${welcome}`);
	session.token = welcome.split(' ')[2] ?? '';
	await client.waitFor(/^USERS-END$/, ANSWER_DEADLINE_MS);
	if (resumeFrom) counts.resumes++;
	else counts.logins++;
	return session;
}

export async function runStructured(
	user: SoakUser,
	counts: SoakCounts,
	running: () => boolean,
): Promise<void> {
	const {name, partner} = user;
	let session = await structuredLogin(user, counts);
	let sent = 0;
	while (running()) {
		await pause();
		const roll = Math.random();
		try {
			if (roll < 0.75) {
				const ref = `r${sent++}`;
				session.client.send(`SEND ${ref} ${partner} :soak message ${sent} from ${name}`);
				counts.sent++;
				const result = await session.client.waitFor(
					new RegExp(`^(DELIVERED|FAILED|HELD) ${ref} `),
					ANSWER_DEADLINE_MS,
				);
				if (result.startsWith('DELIVERED')) counts.delivered++;
				else if (result.startsWith('HELD')) counts.held++;
				else counts.failed++;
			} else if (roll < 0.87) {
				// A reset: the socket is gone without a word; the user comes back with its token.
				session.client.socket.destroy();
				counts.resets++;
				session = await structuredLogin(user, counts, session);
			} else if (roll < 0.92) {
				session.client.send('QUIT');
				await session.client.waitFor(/^BYE quit /, ANSWER_DEADLINE_MS);
				await session.client.closed;
				counts.quits++;
				session = await structuredLogin(user, counts);
			} else if (roll < 0.96) {
				session.client.send('PING soak');
				session.client.socket.end();
				await session.client.waitFor(/^PONG soak$/, ANSWER_DEADLINE_MS);
				await session.client.closed;
				counts.halfCloses++;
				session = await structuredLogin(user, counts, session);
			} else {
				await idleConnect(user, counts);
			}
		} catch (error) {
			problem(counts, `${name}: ${(error as Error).message}`);
			session.client.socket.destroy();
			session = await structuredLogin(user, counts);
		}
	}

	session.client.socket.destroy();
}

async function plainLogin(user: SoakUser, counts: SoakCounts): Promise<LineSocket> {
	const {name, partner} = user;
	for (let attempt = 1; ; attempt++) {
		const client = await connectLines(user.port, user.address);
		client.send(name);
		const reply = await client.waitFor(/^(Welcome!|Reuse)$/, ANSWER_DEADLINE_MS);
		if (reply === 'Welcome!') {
			counts.logins++;
			client.watch((line) => {
				if (line.startsWith('[')) counts.received++;
			});
			client.send(`to:${partner}`);
			return client;
		}

		client.socket.destroy();
		if (attempt === PLAIN_LOGIN_TRIES) throw new Error(`${name}: the name never came free`);
		await pause();
	}
}

export async function runPlain(
	user: SoakUser,
	counts: SoakCounts,
	running: () => boolean,
): Promise<void> {
	const {name} = user;
	let client = await plainLogin(user, counts);
	while (running()) {
		await pause();
		const roll = Math.random();
		try {
			if (roll < 0.8) {
				client.send(`soak line from ${name}`);
				counts.sent++;
				continue;
			}

			if (roll < 0.9) {
				client.socket.destroy();
				counts.resets++;
			} else if (roll < 0.95) {
				client.send('quit');
				await client.waitFor(/^quit$/, ANSWER_DEADLINE_MS);
				await client.closed;
				counts.quits++;
			} else {
				client.send('to:nobody-here');
				client.socket.end();
				await client.waitFor(/^the user nobody-here does not exist$/, ANSWER_DEADLINE_MS);
				await client.closed;
				counts.halfCloses++;
			}

			client = await plainLogin(user, counts);
		} catch (error) {
			problem(counts, `${name}: ${(error as Error).message}`);
			client.socket.destroy();
			client = await plainLogin(user, counts);
		}
	}

	client.socket.destroy();
}
