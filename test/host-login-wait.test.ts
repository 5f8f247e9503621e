// A login whose name claim is answered later, as a store answers (source/host/relay/user-state.ts):
// the lines that come meanwhile wait and are handled in order once the name is the user's, and a
// connection that ends first leaves the name free.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_PASSWORD_TRIES_WAITING, PASSWORD_FAILURE_MEMORY_MS} from '../source/protocol/limits.js';
import type {PresenceVerb} from '../source/protocol/structured-messages.js';
import {handleLoginLine} from '../source/host/login/first-line.js';
import type {LoginContext, LoginLink} from '../source/host/login/login-link.js';
import {LoginRate} from '../source/host/login/login-rate.js';
import {LoginState} from '../source/host/login/login-state.js';
import {PasswordFailures} from '../source/host/login/password-failures.js';
import {PasswordTurns} from '../source/host/login/password-turns.js';
import {MemoryUserState} from '../source/host/relay/memory-user-state.js';
import {MemoryNameOwners} from '../source/host/relay/name-owners.js';
import {Presence} from '../source/host/relay/presence.js';
import {PresenceNews} from '../source/host/relay/presence-news.js';
import {Relay} from '../source/host/relay/relay.js';
import type {Delivery, Face, User, UserLink} from '../source/host/relay/user.js';
import type {HoldOutcome, UserState} from '../source/host/relay/user-state.js';

/** The in-memory state, but every claim waits until the test answers it, as a store's would. */
class LaterClaims implements UserState {
	readonly #inner: MemoryUserState;
	readonly #answers: Array<() => void> = [];

	constructor(news: PresenceNews) {
		this.#inner = new MemoryUserState(news, 10);
	}

	get size(): number {
		return this.#inner.size;
	}

	find(name: string): User | undefined {
		return this.#inner.find(name);
	}

	users(): Iterable<User> {
		return this.#inner.users();
	}

	async claim(user: User, link: UserLink): Promise<boolean> {
		return new Promise<boolean>((resolve) => {
			this.#answers.push(() => {
				resolve(this.#inner.claim(user, link));
			});
		});
	}

	attach(user: User, link: UserLink): void {
		this.#inner.attach(user, link);
	}

	detach(user: User): void {
		this.#inner.detach(user);
	}

	follow(user: User, partnerName: string): void {
		this.#inner.follow(user, partnerName);
	}

	release(user: User): Delivery[] {
		return this.#inner.release(user);
	}

	hold(delivery: Delivery): HoldOutcome {
		return this.#inner.hold(delivery);
	}

	holdFirst(user: User, deliveries: Delivery[]): void {
		this.#inner.holdFirst(user, deliveries);
	}

	takeHeld(user: User): Delivery[] {
		return this.#inner.takeHeld(user);
	}

	announce(verb: PresenceVerb, user: User): void {
		this.#inner.announce(verb, user);
	}

	answerAll(): void {
		for (const answer of this.#answers.splice(0)) answer();
	}
}

type FakeLink = LoginLink & {sent: string[]; handled: string[]; user: User | undefined};

function setup(): {users: LaterClaims; context: LoginContext} {
	const news = new PresenceNews(
		() => [],
		() => [],
	);
	const users = new LaterClaims(news);
	const log = (): void => {};
	const resumeGraceMs = 60_000;
	const context: LoginContext = {
		settings: {password: undefined, resumeGraceMs},
		identity: {hostId: 'test-host', owners: new MemoryNameOwners(), now: Date.now},
		passwordTurns: new PasswordTurns(
			new PasswordFailures({
				delayMs: 1,
				maxDelayMs: 1,
				memoryMs: PASSWORD_FAILURE_MEMORY_MS,
				maxAddresses: 10,
			}),
			MAX_PASSWORD_TRIES_WAITING,
		),
		loginRate: new LoginRate({perSecond: 0, burst: 1, maxAddresses: 10}),
		users,
		presence: new Presence(users, new Relay(users), {resumeGraceMs, log}),
		news,
		log,
	};
	return {users, context};
}

/** A connection as the login sees it: lines before the login go back to the login, as in Connection. */
function fakeLink(context: LoginContext): FakeLink {
	const link: FakeLink = {
		address: '127.0.0.1',
		closed: false,
		face: undefined,
		login: new LoginState(),
		user: undefined,
		sent: [],
		handled: [],
		send(line) {
			link.sent.push(line);
		},
		sendDelivery() {},
		holdLinesUntil() {},
		close(_reason, lastLine) {
			(link as {closed: boolean}).closed = true;
			if (lastLine !== undefined) link.sent.push(lastLine);
		},
		catchUpNews() {},
		skipNews() {},
		farewell: (code, reason) => `BYE ${code} :${reason}`,
		loggedIn(user: User, face: Face) {
			link.user = user;
			link.face = face;
		},
		followNews() {},
		handleLine(line) {
			if (link.user === undefined) handleLoginLine(context, link, line);
			else link.handled.push(line);
		},
	};
	return link;
}

/** Lets the claims' promises settle. */
async function settled(): Promise<void> {
	await new Promise<void>((resolve) => {
		setImmediate(resolve);
	});
}

test('lines sent while the name claim is answered are handled after it, in order', async () => {
	const {users, context} = setup();
	const link = fakeLink(context);
	link.handleLine('HELLO 1 ann');
	link.handleLine('SEND a1 bob :first');
	link.handleLine('SEND a2 bob :second');
	assert.deepEqual(link.sent, [], 'no WELCOME before the claim is answered');
	assert.deepEqual(link.handled, []);
	users.answerAll();
	await settled();
	assert.equal(link.user?.name, 'ann');
	assert.match(link.sent[0] ?? '', /^WELCOME ann /);
	assert.deepEqual(link.handled, ['SEND a1 bob :first', 'SEND a2 bob :second']);
});

test('a claim refused later refuses the login, and the lines sent meanwhile go nowhere', async () => {
	const {users, context} = setup();
	const first = fakeLink(context);
	const second = fakeLink(context);
	first.handleLine('HELLO 1 ann');
	second.handleLine('HELLO 1 Ann');
	second.handleLine('SEND a1 bob :lost');
	users.answerAll();
	await settled();
	assert.equal(first.user?.name, 'ann');
	assert.equal(second.closed, true);
	assert.deepEqual(second.sent, ['REFUSED name-taken :the name Ann is taken']);
	assert.deepEqual(second.handled, []);
});

test('a connection that ends while its claim is answered leaves the name free', async () => {
	const {users, context} = setup();
	const link = fakeLink(context);
	link.handleLine('HELLO 1 ann');
	link.close('dropped');
	users.answerAll();
	await settled();
	assert.equal(link.user, undefined);
	assert.equal(context.users.find('ann'), undefined);
});
