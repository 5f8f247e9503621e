// Keeps this host's view (cluster-view.ts) current: presence frames from every host as they come,
// and the whole roster read from Redis when the host starts and after each outage, when frames
// were lost. Frames that come while the roster is read wait, and follow it in order.

import {
	decodePresenceFrame,
	decodeRecord,
	type PresenceFrame,
	type UserRecord,
} from './cluster-frames.js';
import {HOSTS_KEY, hostUsersKey} from './cluster-keys.js';
import type {ClusterView} from './cluster-view.js';
import type {RedisLink} from './redis-link.js';

export class RosterSync {
	readonly #link: RedisLink;
	readonly #view: ClusterView;
	readonly #self: string;
	/** Frames that came while the roster was read; undefined when none is being read. */
	#waiting: PresenceFrame[] | undefined;
	/** Told when a host is gone, after its users left the view. */
	readonly #hostGone: (host: string) => void;

	constructor(link: RedisLink, view: ClusterView, self: string, hostGone: (host: string) => void) {
		this.#link = link;
		this.#view = view;
		this.#self = self;
		this.#hostGone = hostGone;
	}

	/** One message of the presence channel. */
	readonly receive = (message: string): void => {
		for (const text of message.split('\n')) {
			const frame = decodePresenceFrame(text);
			if (frame === undefined) continue;
			if (this.#waiting === undefined) this.#apply(frame);
			else this.#waiting.push(frame);
		}
	};

	/** Reads every other host's users and makes the view match them. */
	async resync(): Promise<void> {
		this.#waiting ??= [];
		try {
			const records = await this.#readRoster();
			const before = new Set(this.#view.hosts());
			this.#view.resync(records);
			const now = new Set(records.map((record) => record.host));
			for (const host of before) if (!now.has(host)) this.#hostGone(host);
		} finally {
			const waiting = this.#waiting ?? [];
			this.#waiting = undefined;
			for (const frame of waiting) this.#apply(frame);
		}
	}

	#apply(frame: PresenceFrame): void {
		this.#view.apply(frame);
		if (frame.kind === 'gone' && frame.host !== this.#self) this.#hostGone(frame.host);
	}

	async #readRoster(): Promise<UserRecord[]> {
		const {commands} = this.#link;
		const hosts = await commands.sMembers(HOSTS_KEY);
		const records: UserRecord[] = [];
		for (const host of hosts) {
			if (host === this.#self) continue;
			const users = await commands.hGetAll(hostUsersKey(host));
			for (const [key, text] of Object.entries(users)) {
				const record = decodeRecord(key, host, String(text));
				if (record !== undefined) records.push(record);
			}
		}

		return records;
	}
}
