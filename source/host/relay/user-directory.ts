// Everyone logged in, by name key, so `Alice` and `аlice` find `alice` (docs/protocol.md "Names").

import {nameKey} from '../../protocol/name-rules.js';
import type {User} from './user.js';

export class UserDirectory {
	readonly #byKey = new Map<string, User>();
	/** Names exactly as registered: most lookups use them, and skip computing a key. */
	readonly #byName = new Map<string, User>();

	get size(): number {
		return this.#byKey.size;
	}

	get(key: string): User | undefined {
		return this.#byKey.get(key);
	}

	/** The user `name` means, typed in any case or with look-alike letters. */
	find(name: string): User | undefined {
		return this.#byName.get(name) ?? this.#byKey.get(nameKey(name));
	}

	add(user: User): void {
		this.#byKey.set(user.key, user);
		this.#byName.set(user.name, user);
	}

	/** Removes exactly this user (not a later one with the same key). */
	remove(user: User): void {
		if (this.#byKey.get(user.key) === user) this.#byKey.delete(user.key);
		if (this.#byName.get(user.name) === user) this.#byName.delete(user.name);
	}

	all(): IterableIterator<User> {
		return this.#byKey.values();
	}
}
