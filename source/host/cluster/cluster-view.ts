// This host's view of the cluster's users (docs/cluster.md "Presence"): its own, and a record for
// each user online on another host, kept current from every host's presence frames and, after an
// outage, from the users hashes in Redis. A remote user's link routes to its host (remote-link.ts);
// every change that alters the picture goes into this host's presence news, batched as any other.

import {
	encodeCoded,
	encodeKey,
	encodePresence,
	type PresenceVerb,
} from '../../protocol/structured-messages.js';
import type {PresenceNews} from '../relay/presence-news.js';
import {User} from '../relay/user.js';
import {UserDirectory} from '../relay/user-directory.js';
import type {PresenceFrame, UserRecord} from './cluster-frames.js';
import type {ClusterRouting, RoutingUsers} from './cluster-routing.js';
import {RemoteLink} from './remote-link.js';

export class ClusterView implements RoutingUsers {
	readonly directory = new UserDirectory();
	/** This host's users, online or away. */
	readonly local = new Set<User>();
	/** Where each remote user is online. */
	readonly #home = new Map<User, string>();
	readonly #byHost = new Map<string, Set<User>>();
	readonly #self: string;
	readonly #news: PresenceNews;
	/** Where remote links route; set once, right after the routing is made (it needs this view). */
	routing: ClusterRouting | undefined;

	constructor(self: string, news: PresenceNews) {
		this.#self = self;
		this.#news = news;
	}

	byKey(key: string): User | undefined {
		return this.directory.get(key);
	}

	isLocal(user: User): boolean {
		return !this.#home.has(user);
	}

	homeOf(user: User): string | undefined {
		return this.#home.get(user);
	}

	/** Hosts with users in this view. */
	hosts(): string[] {
		return [...this.#byHost.keys()];
	}

	addLocal(user: User): void {
		this.directory.add(user);
		this.local.add(user);
	}

	removeLocal(user: User): void {
		this.directory.remove(user);
		this.local.delete(user);
	}

	/** A remote user resumed here: it is this host's now. */
	takeOver(user: User): void {
		this.#unhome(user);
		this.local.add(user);
	}

	/** A presence frame of another host. */
	apply(frame: PresenceFrame): void {
		if (frame.kind === 'gone') {
			this.hostGone(frame.host);
			return;
		}

		const {verb, user: record} = frame;
		if (record.host === this.#self) return;
		const existing = this.directory.get(record.key);
		if (verb === 'L') {
			if (existing !== undefined && this.#home.get(existing) === record.host) {
				this.#drop(existing);
				this.#publish('LEAVE', existing);
			}

			return;
		}

		this.#upsert(existing, record, verb === 'M');
	}

	/** `host` is gone: its users leave. */
	hostGone(host: string): void {
		const users = this.#byHost.get(host);
		if (users === undefined) return;
		for (const user of users) {
			this.#drop(user);
			this.#publish('LEAVE', user);
		}

		this.#byHost.delete(host);
	}

	/** The users of other hosts as Redis has them now (after an outage): the view follows. */
	resync(records: readonly UserRecord[]): void {
		const byKey = new Map<string, UserRecord>();
		for (const record of records) if (record.host !== this.#self) byKey.set(record.key, record);
		for (const [user, host] of this.#home) {
			const record = byKey.get(user.key);
			if (record === undefined || record.host !== host || record.face !== user.face) {
				this.#drop(user);
				this.#publish('LEAVE', user);
			}
		}

		for (const record of byKey.values())
			this.#upsert(this.directory.get(record.key), record, false);
	}

	/** `moved`: the record says a user resumed on record.host (an M frame). */
	#upsert(existing: User | undefined, record: UserRecord, moved: boolean): void {
		if (existing !== undefined && this.isLocal(existing)) {
			// Any other claim on a name held here is settled by the lease refresh (host-lease.ts).
			if (moved && record.face === existing.face) this.#movedAway(existing, record);
			return;
		}

		if (existing !== undefined && existing.face !== record.face) {
			this.#drop(existing);
			this.#publish('LEAVE', existing);
			existing = undefined;
		}

		if (existing === undefined) {
			const user = new User(record.name, record.key, record.face);
			user.resumeToken = record.token;
			user.fingerprint = record.fingerprint;
			this.directory.add(user);
			this.#rehome(user, record.host);
			user.link = record.away ? undefined : this.#linkTo(record.host, user);
			this.#publish('JOIN', user);
			// Its key follows its JOIN, as for a user of this host.
			if (user.fingerprint !== undefined) {
				this.#news.publish(encodeKey(user.name, user.fingerprint));
			}

			if (record.away) this.#publish('AWAY', user);
			return;
		}

		const wasAway = existing.link === undefined;
		const rehomed = this.#home.get(existing) !== record.host;
		if (rehomed) this.#rehome(existing, record.host);
		existing.resumeToken = record.token;
		if (record.away) existing.link = undefined;
		else if (wasAway || rehomed) existing.link = this.#linkTo(record.host, existing);
		if (wasAway !== record.away) this.#publish(record.away ? 'AWAY' : 'BACK', existing);
	}

	/** A user of this host resumed on another: its connection here, if any, is replaced. */
	#movedAway(user: User, record: UserRecord): void {
		if (user.graceTimer !== undefined) clearTimeout(user.graceTimer);
		user.graceTimer = undefined;
		const old = user.link;
		this.local.delete(user);
		this.#rehome(user, record.host);
		user.resumeToken = record.token;
		user.link = record.away ? undefined : this.#linkTo(record.host, user);
		// What its old connection never wrote follows it there (holdFirst of the state).
		old?.close(
			'replaced',
			encodeCoded('BYE', 'replaced', 'you logged in again on another connection'),
		);
		if (old === undefined && !record.away) this.#publish('BACK', user);
	}

	#linkTo(host: string, user: User): RemoteLink | undefined {
		return this.routing === undefined ? undefined : new RemoteLink(this.routing, host, user);
	}

	#rehome(user: User, host: string): void {
		this.#unhome(user);
		this.#home.set(user, host);
		let users = this.#byHost.get(host);
		if (users === undefined) {
			users = new Set();
			this.#byHost.set(host, users);
		}

		users.add(user);
	}

	#unhome(user: User): void {
		const host = this.#home.get(user);
		if (host === undefined) return;
		this.#home.delete(user);
		this.#byHost.get(host)?.delete(user);
	}

	#drop(user: User): void {
		this.directory.remove(user);
		this.#unhome(user);
		user.gone = true;
		user.link = undefined;
	}

	#publish(verb: PresenceVerb, user: User): void {
		this.#news.publish(encodePresence(verb, user.name));
	}
}
