// Who counts as one address wherever the host counts addresses (connections, logins, password
// failures; docs/protocol.md "Limits").

import {isIPv6} from 'node:net';

/**
 * An IPv4 address (also when IPv4-mapped), or an IPv6 /64, since one home or server is usually
 * given a whole /64 and could otherwise pick a fresh address per connection or per try.
 */
export function addressKey(address: string): string {
	// An IPv4 address has no colon: the usual case, on every accept, needs no parsing.
	if (!address.includes(':')) return address;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped?.[1] !== undefined) return mapped[1];
	const bare = address.split('%')[0] ?? address;
	if (!isIPv6(bare)) return address;
	const [left = '', right] = bare.split('::');
	const leftGroups = left === '' ? [] : left.split(':');
	let groups = leftGroups;
	if (right !== undefined) {
		const rightGroups = right === '' ? [] : right.split(':');
		// An embedded IPv4 address at the end stands for two groups.
		const rightCount = rightGroups.reduce(
			(count, group) => count + (group.includes('.') ? 2 : 1),
			0,
		);
		const zeros = Array.from({length: 8 - leftGroups.length - rightCount}, () => '0');
		groups = [...leftGroups, ...zeros, ...rightGroups];
	}

	const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
	return prefix.join(':') + '::/64';
}
