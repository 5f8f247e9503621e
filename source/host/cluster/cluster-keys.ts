// Where a cluster keeps things in Redis and which channels it talks on (docs/cluster.md
// "Key layout", "Channels"). Every key starts with `chat:`, so one Redis can hold other data too.

const PREFIX = 'chat:';

/** The set of host ids that take part, live or not yet found dead. */
export const HOSTS_KEY = `${PREFIX}hosts`;

/** Every host's presence events (JOIN, LEAVE, AWAY, BACK, moves, a host gone). */
export const PRESENCE_CHANNEL = `${PREFIX}presence`;

/** The owners of names (issue 9): one hash, name key → owner. */
export const OWNERS_KEY = `${PREFIX}owners`;

/** A host's lease: present while the host lives. */
export function hostLeaseKey(host: string): string {
	return `${PREFIX}host:${host}`;
}

/** A host's users: name key → record (cluster-records.ts). */
export function hostUsersKey(host: string): string {
	return `${PREFIX}users:${host}`;
}

/** The channel of one host: messages for its users and answers for its senders. */
export function hostChannel(host: string): string {
	return `${PREFIX}to:${host}`;
}

/** Who holds a name (its look-alike key) now: the host id, with the host's lease as its TTL. */
export function nameClaimKey(nameKey: string): string {
	return `${PREFIX}name:${nameKey}`;
}

/** Messages held for an away user, oldest first. */
export function heldKey(nameKey: string): string {
	return `${PREFIX}held:${nameKey}`;
}

/** Messages stored for an owner who is offline (issue 9's STORED), oldest first. */
export function storedKey(nameKey: string): string {
	return `${PREFIX}stored:${nameKey}`;
}

/** The bytes of the entries in `storedKey(nameKey)`, checked against the mailbox's byte limit. */
export function storedBytesKey(nameKey: string): string {
	return `${PREFIX}stored-bytes:${nameKey}`;
}

/** How many messages `storedKey(nameKey)` holds, checked against the mailbox's message limit: a
 * message of several parts is one. */
export function storedCountKey(nameKey: string): string {
	return `${PREFIX}stored-count:${nameKey}`;
}

/** The senders whose latest part in `storedKey(nameKey)` has another part to follow (`more=`). */
export function storedOpenKey(nameKey: string): string {
	return `${PREFIX}stored-open:${nameKey}`;
}

/** DELIVERED receipts owed to a sender who was offline when its stored message was handed on. */
export function receiptsKey(nameKey: string): string {
	return `${PREFIX}receipts:${nameKey}`;
}
