// The owners of names (relay/name-owners.ts, issue 9) kept in Redis, so a name's owner is known
// on every host of a cluster: one hash, name key → owner. A first use binds in one script, so two
// hosts binding one name at once never both win.

import type {NameOwner, NameOwnerClaim, NameOwners, OwnerBinding} from '../relay/name-owners.js';
import {OWNERS_KEY, handingKey, storedBytesKey, storedKey} from './cluster-keys.js';
import type {RedisLink} from './redis-link.js';

/** ARGV: name key, owner. The owner there already, or false once this one is bound. */
const BIND = `
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then return existing end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return false`;

/** ARGV: name key, now. Moves the owner's last login forward, never back. */
const TOUCH = `
local owner = redis.call('HGET', KEYS[1], ARGV[1])
if not owner then return 0 end
local name, key, first, last = string.match(owner, '^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)$')
if not last or tonumber(last) >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], name .. '\\t' .. key .. '\\t' .. first .. '\\t' .. ARGV[2])
return 1`;

/** KEYS: the owners, then the name's stored messages, their bytes and those being handed on;
 * ARGV: name key. The owner that was, if any, and the name is free: with its stored messages,
 * which its next owner must not read (as a single host's store deletes them). */
const RELEASE = `
local owner = redis.call('HGET', KEYS[1], ARGV[1])
if owner then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
end
return owner`;

export class RedisNameOwners implements NameOwners {
	readonly #link: RedisLink;

	constructor(link: RedisLink) {
		this.#link = link;
	}

	async ownerOf(nameKey: string): Promise<NameOwner | undefined> {
		const text = await this.#link.commands.hGet(OWNERS_KEY, nameKey);
		return typeof text === 'string' ? decodeOwner(nameKey, text) : undefined;
	}

	async bind(claim: NameOwnerClaim): Promise<OwnerBinding> {
		const publicKey = Buffer.from(claim.publicKey);
		const owner: NameOwner = {
			nameKey: claim.nameKey,
			name: claim.name,
			publicKey,
			firstSeen: claim.nowMs,
			lastSeen: claim.nowMs,
		};
		const existing = await this.#run(BIND, [claim.nameKey, encodeOwner(owner)]);
		const found = typeof existing === 'string' ? decodeOwner(claim.nameKey, existing) : undefined;
		if (found === undefined) return {bound: true, owner};
		return {bound: found.publicKey.equals(publicKey), owner: found};
	}

	touch(nameKey: string, nowMs: number): void {
		// A lost touch only makes a name look a little less used.
		this.#run(TOUCH, [nameKey, String(nowMs)]).catch(() => {});
	}

	async release(nameKey: string): Promise<NameOwner | undefined> {
		const mail = [storedKey(nameKey), storedBytesKey(nameKey), handingKey(nameKey)];
		const text = await this.#run(RELEASE, [nameKey], mail);
		return typeof text === 'string' ? decodeOwner(nameKey, text) : undefined;
	}

	async list(): Promise<NameOwner[]> {
		const all = await this.#link.commands.hGetAll(OWNERS_KEY);
		const owners: NameOwner[] = [];
		for (const [nameKey, text] of Object.entries(all)) {
			const owner = decodeOwner(nameKey, String(text));
			if (owner !== undefined) owners.push(owner);
		}

		return owners.sort((a, b) => (a.nameKey < b.nameKey ? -1 : 1));
	}

	/** Runs `script` on the owners' hash and, after it, the `more` keys it changes too. */
	#run(script: string, args: string[], more: string[] = []): Promise<unknown> {
		return this.#link.commands.eval(script, {keys: [OWNERS_KEY, ...more], arguments: args});
	}
}

function encodeOwner(owner: NameOwner): string {
	return `${owner.name}\t${owner.publicKey.toString('base64')}\t${owner.firstSeen}\t${owner.lastSeen}`;
}

function decodeOwner(nameKey: string, text: string): NameOwner | undefined {
	const [name, key, firstSeen, lastSeen] = text.split('\t');
	if (name === undefined || key === undefined || lastSeen === undefined) return undefined;
	return {
		nameKey,
		name,
		publicKey: Buffer.from(key, 'base64'),
		firstSeen: Number(firstSeen),
		lastSeen: Number(lastSeen),
	};
}
