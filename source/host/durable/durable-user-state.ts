// The state seam (relay/user-state.ts) for a host with a store: the in-memory state, whose
// lookups stay synchronous, with every held message also written to the store, so a restart
// inside the resume grace loses none (docs/architecture.md "The state seam"). HELD is answered
// once the message is durable; a store that fails answers FAILED, and live relaying goes on.

import {msgOptions, msgText} from '../../protocol/structured-messages.js';
import type {Eventually} from '../relay/eventually.js';
import type {MemoryUserState} from '../relay/memory-user-state.js';
import type {PresenceVerb} from '../../protocol/structured-messages.js';
import type {Delivery, User, UserLink} from '../relay/user.js';
import type {HoldOutcome, UserState} from '../relay/user-state.js';
import type {WaitingMessages} from '../store/waiting-messages.js';
import type {StoreHealth} from './store-health.js';

const HELD: HoldOutcome = {kind: 'held'};

export class DurableUserState implements UserState {
	readonly #memory: MemoryUserState;
	readonly #messages: WaitingMessages;
	readonly #health: StoreHealth;

	constructor(memory: MemoryUserState, messages: WaitingMessages, health: StoreHealth) {
		this.#memory = memory;
		this.#messages = messages;
		this.#health = health;
	}

	get size(): number {
		return this.#memory.size;
	}

	find(name: string): User | undefined {
		return this.#memory.find(name);
	}

	users(): Iterable<User> {
		return this.#memory.users();
	}

	claim(user: User, link: UserLink): Eventually<boolean> {
		return this.#memory.claim(user, link);
	}

	attach(user: User, link: UserLink): void {
		this.#memory.attach(user, link);
	}

	detach(user: User): void {
		this.#memory.detach(user);
	}

	follow(user: User, partnerName: string): void {
		this.#memory.follow(user, partnerName);
	}

	release(user: User): Eventually<Delivery[]> {
		return this.#memory.release(user);
	}

	hold(delivery: Delivery): Eventually<HoldOutcome> {
		// In memory first, in the order sent, so a resume in this tick takes it too.
		const outcome = this.#memory.hold(delivery);
		if (outcome.kind !== 'held') return outcome;
		delivery.kept = 'held';
		const {id, time, sender, ref, recipient, line} = delivery;
		const options = msgOptions(line);
		return this.#messages
			.append({
				id,
				kind: 'held',
				recipientKey: recipient.key,
				time,
				sender: sender.name,
				recipient: recipient.name,
				senderRef: ref,
				text: msgText(line),
				...(options && {options}),
			})
			.then(
				() => {
					this.#health.wrote();
					return HELD;
				},
				(error: unknown): HoldOutcome => {
					const failure = this.#health.failed(error);
					// Taken by a resume meanwhile, it is on its way: DELIVERED or FAILED follows.
					if (!this.#unhold(delivery)) return HELD;
					return {kind: 'unkept', ...failure};
				},
			);
	}

	holdFirst(user: User, deliveries: Delivery[]): void {
		this.#memory.holdFirst(user, deliveries);
	}

	takeHeld(user: User): Eventually<Delivery[]> {
		return this.#memory.takeHeld(user);
	}

	announce(verb: PresenceVerb, user: User): void {
		this.#memory.announce(verb, user);
	}

	/** A hold the store did not keep is not held at all; false if a resume took it meanwhile. */
	#unhold(delivery: Delivery): boolean {
		delivery.kept = undefined;
		const {recipient} = delivery;
		const held = this.#memory.takeHeld(recipient);
		const rest = held.filter((each) => each !== delivery);
		if (rest.length > 0) this.#memory.holdFirst(recipient, rest);
		return rest.length < held.length;
	}
}
