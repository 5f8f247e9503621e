// The numbers of Alt+1 … Alt+9, as irssi numbers its windows: a conversation takes the next number
// when it is opened (a partner chosen, a message received, or brought back from the history) and
// keeps it while it stays open, so nobody's number changes when someone else joins or leaves.
// Closing one closes the gap, as irssi's default `windows_auto_renumber` and WeeChat's
// `buffer_auto_renumber` do: the numbers stay 1 … n, so Alt+1 … Alt+9 always reach the first nine
// open conversations, and they change only when you close one yourself.
// People without a conversation are listed after the numbered ones, by name, with no number.
import {nameKey} from '../../protocol/name-rules.js';

/** Name keys first, so case and look-alikes do not scatter names that read alike. */
function byName(a: string, b: string): number {
	return nameKey(a).localeCompare(nameKey(b)) || a.localeCompare(b);
}

/** 1, 2, 3 … for `partners` in the order given (the history's, at the start of a session). */
export function numbersInOrder(partners: Iterable<string>): Map<string, number> {
	const numbers = new Map<string, number>();
	for (const partner of partners) if (!numbers.has(partner)) numbers.set(partner, numbers.size + 1);
	return numbers;
}

/** `partner`'s conversation was opened: it takes the number after the last. */
export function numberOpened(
	numbers: ReadonlyMap<string, number>,
	partner: string,
): ReadonlyMap<string, number> {
	if (numbers.has(partner)) return numbers;
	const next = new Map(numbers);
	next.set(partner, numbers.size + 1);
	return next;
}

/** `partner`'s conversation was closed: the numbers above its own move down by one. */
export function numberClosed(
	numbers: ReadonlyMap<string, number>,
	partner: string,
): ReadonlyMap<string, number> {
	const freed = numbers.get(partner);
	if (freed === undefined) return numbers;
	const next = new Map<string, number>();
	for (const [name, number] of numbers) {
		if (name !== partner) next.set(name, number > freed ? number - 1 : number);
	}
	return next;
}

/** The list: the numbered names in number order, then everyone else listed, by name. */
export function listOrder(
	numbers: ReadonlyMap<string, number>,
	listed: Iterable<string>,
): string[] {
	const numbered: string[] = [];
	const others: string[] = [];
	for (const name of listed) (numbers.has(name) ? numbered : others).push(name);
	numbered.sort((a, b) => (numbers.get(a) ?? 0) - (numbers.get(b) ?? 0));
	return [...numbered, ...others.sort(byName)];
}

/** Where the unnumbered names begin in `users` (in list order). */
function unnumberedStart(users: readonly string[], numbers: ReadonlyMap<string, number>): number {
	const start = users.findIndex((user) => !numbers.has(user));
	return start === -1 ? users.length : start;
}

/**
 * `users` (in list order) with `name` newly listed: numbered, after the numbered ones (its number
 * is the last); else in its place among the unnumbered, found by a binary search so that a join
 * in a long list costs a few comparisons rather than a sort.
 */
export function listedWith(
	users: readonly string[],
	numbers: ReadonlyMap<string, number>,
	name: string,
): string[] {
	const rest = users.filter((user) => user !== name);
	if (numbers.has(name)) {
		const at = unnumberedStart(rest, numbers);
		return [...rest.slice(0, at), name, ...rest.slice(at)];
	}
	let low = unnumberedStart(rest, numbers);
	let high = rest.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (byName(rest[middle] ?? '', name) < 0) low = middle + 1;
		else high = middle;
	}
	return [...rest.slice(0, low), name, ...rest.slice(low)];
}
