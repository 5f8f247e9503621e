// This host's place in the cluster over time (docs/cluster.md "Failures"): its lease and its
// users' name claims refreshed LEASE_REFRESHES_PER_TTL times per TTL, its users registered again
// after an outage (a name another host took meanwhile sends its user here away), and hosts whose
// lease ran out removed: their names freed, their users gone, their held messages failed.

import {
	HOSTS_KEY,
	PRESENCE_CHANNEL,
	heldKey,
	hostLeaseKey,
	hostUsersKey,
	nameClaimKey,
} from './cluster-keys.js';
import {encodePresenceFrame, encodeRecord} from './cluster-frames.js';
import {LEASE_REFRESH_BATCH, LEASE_REFRESHES_PER_TTL} from './cluster-limits.js';
import {LEASE, REFRESH, REGISTER, REMOVE_HOST, TAKE_HELD} from './cluster-scripts.js';
import {heldDeliveries} from './held-deliveries.js';
import {goneUser} from './cluster-routing.js';
import type {RedisLink} from './redis-link.js';
import type {RedisUserState} from './redis-user-state.js';
import type {Relay} from '../relay/relay.js';
import type {User} from '../relay/user.js';

export class HostLease {
	readonly #link: RedisLink;
	readonly #state: RedisUserState;
	readonly #self: string;
	readonly #ttlMs: number;
	#relay: Relay | undefined;
	#timer: NodeJS.Timeout | undefined;
	#ticking = false;
	/** When Redis last came (back): other hosts get one TTL from then to register again before
	 * this host counts them as dead. */
	#connectedAt = Date.now();

	readonly #log: (line: string) => void;

	constructor(
		link: RedisLink,
		state: RedisUserState,
		self: string,
		ttlMs: number,
		log: (line: string) => void,
	) {
		this.#log = log;
		this.#link = link;
		this.#state = state;
		this.#self = self;
		this.#ttlMs = ttlMs;
	}

	bind(relay: Relay): void {
		this.#relay = relay;
	}

	/** Takes the lease and keeps it. */
	async start(): Promise<void> {
		await this.#lease();
		this.#connectedAt = Date.now();
		this.#timer = setInterval(this.#tick, this.#ttlMs / LEASE_REFRESHES_PER_TTL);
		this.#timer.unref();
	}

	/** Redis is back: take the lease again and register every user of this host again. */
	async rejoin(): Promise<void> {
		this.#connectedAt = Date.now();
		await this.#lease();
		// What other hosts see of this host is written anew: nothing stale of the outage stays.
		await this.#link.commands.del(hostUsersKey(this.#self));
		await this.#register([...this.#state.view.local]);
		await this.#state.releaseLeftWhileAway();
	}

	/** Leaves the cluster: every host hears at once that this host's users are gone. */
	async stop(): Promise<void> {
		clearInterval(this.#timer);
		if (!this.#link.up) return;
		await this.#removeHost(this.#self, true).catch(() => {});
	}

	readonly #tick = (): void => {
		if (this.#ticking || !this.#link.up) return;
		this.#ticking = true;
		this.#refresh()
			.catch(() => {
				// Redis went away meanwhile: the link has said so, and rejoin follows its return.
			})
			.finally(() => {
				this.#ticking = false;
			});
	};

	async #refresh(): Promise<void> {
		const hadLease = await this.#lease();
		const users = [...this.#state.view.local];
		if (hadLease) {
			const others: User[] = [];
			for (let start = 0; start < users.length; start += LEASE_REFRESH_BATCH) {
				const batch = users.slice(start, start + LEASE_REFRESH_BATCH);
				const keys = batch.map((user) => nameClaimKey(user.key));
				const positions = await this.#link.commands.eval(REFRESH, {
					keys,
					arguments: [this.#self, String(this.#ttlMs)],
				});
				for (const position of asNumbers(positions)) {
					const user = batch[position - 1];
					if (user !== undefined) others.push(user);
				}
			}

			await this.#register(others);
		} else {
			// Other hosts took this one for dead (or Redis lost its data): register everyone again.
			await this.#register(users);
		}

		if (Date.now() - this.#connectedAt >= this.#ttlMs) await this.#removeDeadHosts();
	}

	async #lease(): Promise<boolean> {
		const had = await this.#link.commands.eval(LEASE, {
			keys: [hostLeaseKey(this.#self), HOSTS_KEY],
			arguments: [this.#self, String(this.#ttlMs)],
		});
		return had === 1;
	}

	/** Claims each user's name again and records it; a user whose name is another host's goes. */
	async #register(users: readonly User[]): Promise<void> {
		for (let start = 0; start < users.length; start += LEASE_REFRESH_BATCH) {
			const batch = users.slice(start, start + LEASE_REFRESH_BATCH);
			const args = [this.#self, String(this.#ttlMs), PRESENCE_CHANNEL];
			for (const user of batch) {
				const record = this.#state.recordOf(user);
				const frame = encodePresenceFrame({kind: 'user', verb: 'J', user: record});
				args.push(nameClaimKey(user.key), user.key, encodeRecord(record), frame);
			}

			const lost = await this.#link.commands.eval(REGISTER, {
				keys: [hostUsersKey(this.#self)],
				arguments: args,
			});
			for (const position of asNumbers(lost)) {
				const user = batch[position - 1];
				if (user !== undefined)
					this.#state.kick(user, 'its name was taken on another host during an outage');
			}
		}
	}

	async #removeDeadHosts(): Promise<void> {
		const hosts = await this.#link.commands.sMembers(HOSTS_KEY);
		for (const host of hosts) {
			if (host === this.#self) continue;
			if ((await this.#link.commands.exists(hostLeaseKey(host))) === 1) continue;
			await this.#removeHost(host, false);
		}
	}

	/** Removes `host` (once, whichever host gets there first) and fails what was held for its users. */
	async #removeHost(host: string, own: boolean): Promise<void> {
		const keys = await this.#link.commands.eval(REMOVE_HOST, {
			keys: [HOSTS_KEY, hostLeaseKey(host), hostUsersKey(host)],
			arguments: [
				host,
				PRESENCE_CHANNEL,
				encodePresenceFrame({kind: 'gone', host}),
				nameClaimKey(''),
				own ? '1' : '0',
			],
		});
		if (!Array.isArray(keys)) return;
		// Who they were, before they leave the view: what was held for them names them.
		const recipients = keys.map((key) =>
			typeof key === 'string' ? (this.#state.view.byKey(key) ?? goneUser(key, key)) : undefined,
		);
		if (!own) {
			// Its users leave this host's view now, as the `G` frame will make them everywhere: until
			// that frame came round, a login here of one of their names, free in Redis already, was
			// refused as taken.
			this.#state.view.hostGone(host);
			this.#state.routing.hostGone(host);
			this.#log(
				`cluster: host ${host} is gone (its lease ran out): ${keys.length} of its users left`,
			);
		}
		for (const [index, key] of keys.entries()) {
			const recipient = recipients[index];
			if (typeof key !== 'string' || recipient === undefined) continue;
			const entries = await this.#link.commands.eval(TAKE_HELD, {keys: [heldKey(key)]});
			const deliveries = heldDeliveries(entries, recipient, this.#state.view, this.#state.routing);
			if (deliveries.length === 0) continue;
			const reason = `${recipient.name}'s host went away before the message could be delivered`;
			// Stored for the name's owner, as for any user who is gone for good; else they fail.
			this.#relay?.settleLeft(recipient, deliveries, reason);
		}
	}
}

function asNumbers(reply: unknown): number[] {
	return Array.isArray(reply) ? reply.map(Number) : [];
}
