// Makes this host one of a cluster (`chat host --redis URL`, docs/cluster.md): connects to Redis,
// listens on the presence channel and its own, reads the roster, takes its lease, and gives the
// host its state seam. Until the relay exists the state answers nothing that needs it.

import {randomBytes} from 'node:crypto';
import type {PresenceNews} from '../relay/presence-news.js';
import type {Presence} from '../relay/presence.js';
import type {ReadTurns} from '../relay/read-turns.js';
import type {Relay} from '../relay/relay.js';
import {PRESENCE_CHANNEL, hostChannel} from './cluster-keys.js';
import {HostLease} from './host-lease.js';
import {RedisLink} from './redis-link.js';
import {RedisNameOwners} from './redis-name-owners.js';
import {RedisOfflineMail, type RedisOfflineMailOptions} from './redis-offline-mail.js';
import {redisUrlForLog, unreachableRedis} from './redis-url.js';
import {RedisUserState} from './redis-user-state.js';
import {RosterSync} from './roster-sync.js';

/** Bytes of randomness in a host id: two hosts started at once never share one. */
const HOST_ID_BYTES = 6;

export type ClusterOptions = {
	readonly url: string;
	readonly ttlMs: number;
	readonly maxHeld: number;
	readonly log: (line: string) => void;
};

export type ClusterMember = {
	readonly self: string;
	/** Who owns each name (issue 9), kept in Redis so every host knows; the identity work's seam. */
	readonly owners: RedisNameOwners;
	/** The state seam for the host, built on the host's presence news and pause of reading. */
	stateFor(news: PresenceNews, readTurns: ReadTurns): RedisUserState;
	/** Messages for offline owners, in Redis; after stateFor (its DELIVERED finds senders there). */
	offlineMail(options: MailOptions): RedisOfflineMail;
	/** The relay and presence exist: listen, read the roster, take the lease. */
	start(relay: Relay, presence: Presence): Promise<void>;
	/** Leaves the cluster (every host hears at once) and closes the connections. */
	stop(): Promise<void>;
};

type MailOptions = Pick<RedisOfflineMailOptions, 'owners' | 'limits' | 'expiryDays' | 'now'>;

/** Why `chat host --redis` could not start, as one sentence. */
export class ClusterStartError extends Error {}

/** Connects to Redis; rejects with a ClusterStartError when it cannot be reached. */
export async function joinCluster(options: ClusterOptions): Promise<ClusterMember> {
	const {url, log} = options;
	const self = `h${randomBytes(HOST_ID_BYTES).toString('base64url')}`;
	const link = new RedisLink(url, log);
	let state: RedisUserState | undefined;
	let lease: HostLease | undefined;
	let sync: RosterSync | undefined;
	try {
		await link.connect({
			lost() {
				state?.routing.lost();
			},
			back() {
				void (async () => {
					await lease?.rejoin();
					await sync?.resync();
				})().catch((error: unknown) => {
					log(`redis: registering again failed (${String(error)}); trying with the next refresh`);
				});
			},
		});
	} catch (error) {
		await link.close();
		throw new ClusterStartError(unreachableRedis(url, error));
	}

	return {
		self,
		owners: new RedisNameOwners(link),
		stateFor(news, readTurns) {
			state = new RedisUserState({
				self,
				link,
				news,
				readTurns,
				maxHeld: options.maxHeld,
				ttlMs: options.ttlMs,
				log,
			});
			lease = new HostLease(link, state, self, options.ttlMs, log);
			sync = new RosterSync(link, state.view, self, (host) => {
				state?.routing.hostGone(host);
			});
			return state;
		},
		offlineMail(mail) {
			if (state === undefined)
				throw new Error('joinCluster: stateFor must come before offlineMail');
			const offline = new RedisOfflineMail({...mail, self, link, users: state, log});
			// A resume takes, first, the stored messages an earlier connection never wrote.
			state.handing = offline;
			// A message stored just after a login's take (its sender's host had not heard) follows.
			state.routing.storedLate = offline.takeLate;
			return offline;
		},
		async start(relay, presence) {
			if (state === undefined || lease === undefined || sync === undefined) {
				throw new Error('joinCluster: stateFor must come before start');
			}

			state.bind(relay, presence);
			lease.bind(relay);
			const routing = state.routing;
			await link.subscriber.subscribe(PRESENCE_CHANNEL, sync.receive);
			await link.subscriber.subscribe(hostChannel(self), (payload: string) => {
				routing.receive(payload);
			});
			await sync.resync();
			await lease.start();
			log(`cluster: host ${self} joined through ${redisUrlForLog(url)}`);
		},
		async stop() {
			await lease?.stop();
			await state?.routing.flushNow().catch(() => {});
			state?.routing.stop();
			await link.close();
		},
	};
}
