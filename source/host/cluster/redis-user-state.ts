// The state seam (relay/user-state.ts) shared by the hosts of a cluster through Redis
// (docs/cluster.md). Lookups read this host's view (cluster-view.ts); a name is claimed
// cluster-wide with SET NX PX; presence goes to every host on one channel; held messages wait in
// Redis lists, so they reach their user on whichever host it comes back to.

import {plainDisconnected} from '../../protocol/plain-face.js';
import {
	encodeCoded,
	encodeKey,
	encodePresence,
	type PresenceVerb,
} from '../../protocol/structured-messages.js';
import type {PresenceNews} from '../relay/presence-news.js';
import type {Presence} from '../relay/presence.js';
import type {ReadTurns} from '../relay/read-turns.js';
import type {Relay} from '../relay/relay.js';
import type {Delivery, User, UserLink} from '../relay/user.js';
import type {ClaimAnswer, HoldOutcome, UserState} from '../relay/user-state.js';
import {
	encodePresenceFrame,
	encodeRecord,
	type RecordVerb,
	type UserRecord,
} from './cluster-frames.js';
import {PRESENCE_CHANNEL, heldKey, hostUsersKey, nameClaimKey} from './cluster-keys.js';
import {ClusterRouting} from './cluster-routing.js';
import {CLAIM, HOLD, MOVE, RECORD, RELEASE, TAKE_HELD} from './cluster-scripts.js';
import {ClusterView} from './cluster-view.js';
import {heldDeliveries, heldEntry} from './held-deliveries.js';
import type {RedisLink} from './redis-link.js';

const HELD: HoldOutcome = {kind: 'held'};

const VERB_LETTERS: Record<PresenceVerb, RecordVerb> = {
	JOIN: 'J',
	LEAVE: 'L',
	AWAY: 'A',
	BACK: 'B',
};

export type RedisUserStateOptions = {
	/** This host's id in the cluster. */
	readonly self: string;
	readonly link: RedisLink;
	readonly news: PresenceNews;
	/** Messages held for one away user (MAX_HELD_MESSAGES, or --max-held). */
	readonly maxHeld: number;
	/** The host lease, and so every name claim's TTL. */
	readonly ttlMs: number;
	readonly log: (line: string) => void;
	/** The host's pause of reading until the event loop turns, which the routing asks for. */
	readonly readTurns: ReadTurns;
};

export class RedisUserState implements UserState {
	readonly view: ClusterView;
	readonly routing: ClusterRouting;
	readonly #options: RedisUserStateOptions;
	readonly #news: PresenceNews;
	/** Names being claimed here now: a second login of one waits for no round trip to lose. */
	readonly #claiming = new Set<string>();
	/** Users who left while Redis was away: their names are freed once it is back. */
	readonly #leftWhileAway = new Set<string>();
	#relay: Relay | undefined;
	#presence: Presence | undefined;
	/** Stored messages a user's earlier connection took and never wrote (the offline mail). */
	handing: {handingFor(user: User): Promise<Delivery[]>} | undefined;

	constructor(options: RedisUserStateOptions) {
		this.#options = options;
		this.#news = options.news;
		this.view = new ClusterView(options.self, options.news);
		this.routing = new ClusterRouting(options.self, options.link, this.view, options.readTurns);
		this.view.routing = this.routing;
	}

	bind(relay: Relay, presence: Presence): void {
		this.#relay = relay;
		this.#presence = presence;
		this.routing.bind(relay);
	}

	get size(): number {
		return this.view.directory.size;
	}

	find(name: string): User | undefined {
		return this.view.directory.find(name);
	}

	users(): Iterable<User> {
		return this.view.directory.all();
	}

	claim(user: User, link: UserLink): ClaimAnswer | Promise<ClaimAnswer> {
		const {key} = user;
		if (this.view.directory.get(key) !== undefined || this.#claiming.has(key)) return false;
		if (!this.#options.link.up) return 'unavailable';

		this.#claiming.add(key);
		const {self, ttlMs} = this.#options;
		const record = encodeRecord(this.recordOf(user, false));
		return this.#run(
			CLAIM,
			[nameClaimKey(key), hostUsersKey(self)],
			[self, String(ttlMs), key, record],
		).then(
			(claimed) => {
				this.#claiming.delete(key);
				if (claimed !== 1 || this.view.directory.get(key) !== undefined) return false;
				this.view.addLocal(user);
				user.link = link;
				return true;
			},
			(): ClaimAnswer => {
				this.#claiming.delete(key);
				return 'unavailable';
			},
		);
	}

	attach(user: User, link: UserLink): void {
		const from = this.view.homeOf(user);
		user.link = link;
		const {self, ttlMs} = this.#options;
		if (from === undefined) {
			// A resume here: the new token is the one another host must see.
			this.#record('M', user);
			return;
		}

		this.view.takeOver(user);
		const record = this.recordOf(user, false);
		const frame = encodePresenceFrame({kind: 'user', verb: 'M', user: record});
		const keys = [nameClaimKey(user.key), hostUsersKey(from), hostUsersKey(self)];
		const args = [
			self,
			from,
			String(ttlMs),
			user.key,
			encodeRecord(record),
			PRESENCE_CHANNEL,
			frame,
		];
		this.#run(MOVE, keys, args).then(
			(moved) => {
				if (moved !== 1) this.kick(user, 'its name is held on another host now');
			},
			() => {},
		);
	}

	detach(user: User): void {
		user.link = undefined;
	}

	release(user: User): Delivery[] | Promise<Delivery[]> {
		user.link = undefined;
		this.view.removeLocal(user);
		if (!this.#options.link.up) {
			this.#leftWhileAway.add(user.key);
			return [];
		}

		return this.#releaseName(user);
	}

	hold(delivery: Delivery): HoldOutcome | Promise<HoldOutcome> {
		const name = delivery.recipient.name;
		const unavailable: HoldOutcome = {
			kind: 'unavailable',
			code: 'unreachable',
			reason: `${name} is away, and the cluster's Redis that keeps their messages cannot be reached`,
		};
		if (!this.#options.link.up) return unavailable;
		this.routing.heldHere(delivery);
		const entry = heldEntry(delivery, this.#options.self);
		const keys = [heldKey(delivery.recipient.key)];
		return this.#run(HOLD, keys, [String(this.#options.maxHeld), entry]).then(
			(waiting): HoldOutcome => {
				if (typeof waiting === 'number' && waiting < 0) return HELD;
				this.routing.notHeld(delivery);
				return {kind: 'full', waiting: Number(waiting)};
			},
			(): HoldOutcome => {
				this.routing.notHeld(delivery);
				return unavailable;
			},
		);
	}

	holdFirst(user: User, all: Delivery[]): void {
		// Stored messages wait in Redis until written, for whichever host the user resumes on.
		const deliveries = all.filter((delivery) => delivery.kept !== 'stored');
		if (deliveries.length === 0) return;
		if (!this.view.isLocal(user) || user.gone) {
			// The user resumed on another host: what the old connection never wrote follows it.
			for (const delivery of deliveries) this.#relay?.handOn(delivery);
			return;
		}

		if (!this.#options.link.up) {
			const reason = `${user.name} came back, but the cluster's Redis that keeps their messages cannot be reached`;
			this.#relay?.failDeliveries(deliveries, 'unreachable', reason);
			return;
		}

		for (const delivery of deliveries) this.routing.heldHere(delivery);
		const entries = deliveries.map((delivery) => heldEntry(delivery, this.#options.self)).reverse();
		this.#options.link.commands.lPush(heldKey(user.key), entries).catch(() => {});
	}

	takeHeld(user: User): Delivery[] | Promise<Delivery[]> {
		if (!this.#options.link.up) return [];
		// Stored ones first: they were taken at login, before anything was held.
		const handing = this.handing?.handingFor(user) ?? [];
		const held = this.#run(TAKE_HELD, [heldKey(user.key)], []).then(
			(entries) => heldDeliveries(entries, user, this.view, this.routing),
			() => [],
		);
		return Promise.all([handing, held]).then(([stored, rest]) => [...stored, ...rest]);
	}

	follow(user: User, partnerName: string): void {
		const home = this.view.homeOf(user);
		if (home === undefined) user.partnerName = partnerName;
		else this.routing.sendFrame(home, {kind: 'p', toKey: user.key, partner: partnerName});
	}

	announce(verb: PresenceVerb, user: User): void {
		this.#news.publish(encodePresence(verb, user.name));
		// A newcomer's key follows its JOIN, as on one host (other hosts add it from the record).
		if (verb === 'JOIN' && user.fingerprint !== undefined) {
			this.#news.publish(encodeKey(user.name, user.fingerprint));
		}

		this.#record(VERB_LETTERS[verb], user);
	}

	/** The record other hosts keep of a user of this host. */
	recordOf(user: User, away = user.link === undefined): UserRecord {
		const {key, face, name, fingerprint} = user;
		return {key, host: this.#options.self, face, away, token: user.resumeToken, fingerprint, name};
	}

	/** A user of this host whose name is another host's now (after an outage) must go. */
	kick(user: User, why: string): void {
		this.#options.log(`logout ${user.name}: ${why}`);
		const link = user.link;
		if (link === undefined) {
			this.#presence?.left(user, why);
			return;
		}

		const reason =
			'your name was taken on another host while this host could not reach the cluster';
		link.close('replaced', byeLine(user, reason));
	}

	/** Frees, once Redis is back, the names of users who left while it was away. */
	async releaseLeftWhileAway(): Promise<void> {
		const keys = [...this.#leftWhileAway];
		this.#leftWhileAway.clear();
		for (const key of keys) {
			// Held messages of a name nobody holds any more are failed by no one else.
			const released = await this.#run(
				RELEASE,
				[nameClaimKey(key), heldKey(key)],
				[this.#options.self],
			);
			if (Array.isArray(released) && released.length > 0) {
				this.#options.log(`dropped ${released.length} messages held for a user who left meanwhile`);
			}
		}
	}

	async #releaseName(user: User): Promise<Delivery[]> {
		try {
			const entries = await this.#run(
				RELEASE,
				[nameClaimKey(user.key), heldKey(user.key)],
				[this.#options.self],
			);
			return heldDeliveries(entries, user, this.view, this.routing);
		} catch {
			return [];
		}
	}

	#record(verb: RecordVerb, user: User): void {
		if (!this.#options.link.up) return;
		const record = this.recordOf(user);
		const frame = encodePresenceFrame({kind: 'user', verb, user: record});
		const stored = verb === 'L' ? '' : encodeRecord(record);
		const keys = [hostUsersKey(this.#options.self)];
		this.#run(RECORD, keys, [user.key, stored, PRESENCE_CHANNEL, frame]).catch(() => {});
	}

	#run(script: string, keys: string[], args: string[]): Promise<unknown> {
		return this.#options.link.commands.eval(script, {keys, arguments: args});
	}
}

function byeLine(user: User, reason: string): string {
	return user.face === 'plain' ? plainDisconnected(reason) : encodeCoded('BYE', 'replaced', reason);
}
