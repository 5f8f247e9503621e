// The numbers of the user list (the digit of Alt+1 … Alt+9), kept stable as irssi keeps its
// window numbers: a row gets its number when it appears (the roster at login in name order, then
// each newcomer the lowest free number) and keeps it until it leaves the list, so nobody's number
// changes when someone else joins or leaves.
import {nameKey} from '../../protocol/name-rules.js';

/** By name key, so case and look-alikes do not scatter names that read alike. */
function sortNames(names: Iterable<string>): string[] {
	return [...names].sort((a, b) => nameKey(a).localeCompare(nameKey(b)) || a.localeCompare(b));
}

/** The numbers for `names`: theirs from `previous` where they had one, the lowest free ones else. */
export function numberNames(
	previous: ReadonlyMap<string, number>,
	names: Iterable<string>,
): Map<string, number> {
	const listed = [...names];
	const numbers = new Map<string, number>();
	for (const name of listed) {
		const number = previous.get(name);
		if (number !== undefined) numbers.set(name, number);
	}
	const taken = new Set(numbers.values());
	let next = 1;
	for (const name of sortNames(listed.filter((name) => !numbers.has(name)))) {
		while (taken.has(next)) next++;
		numbers.set(name, next);
		taken.add(next);
	}
	return numbers;
}

/** The names in the order of their numbers: the order of the list. */
export function inNumberOrder(numbers: ReadonlyMap<string, number>): string[] {
	return [...numbers.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
}
