// `chat join` addresses: `alice@host:port`, `alice@host`, `alice`, `alice@[::1]:21567`, `alice@[::1]`,
// and the hosts of a cluster, tried in turn: `alice@h1,h2:4000,[::1]` (docs/cluster.md).
import {DEFAULT_PORT, MAX_TCP_PORT} from '../protocol/limits.js';
import {checkName} from '../protocol/name-rules.js';

/** Where `chat join alice` connects when no host is given. */
const DEFAULT_HOST = 'localhost';

type JoinAddress = {
	name: string;
	host: string;
	port: number;
	/** The other hosts of a cluster, after the first (only when there are some). */
	more?: Array<{host: string; port: number}>;
};

type ParsedAddress = {ok: true; address: JoinAddress} | {ok: false; error: string};

const DIGITS = /^\d+$/;

function parsePort(text: string): number | undefined {
	if (!DIGITS.test(text)) return undefined;
	const port = Number(text);
	return port >= 1 && port <= MAX_TCP_PORT ? port : undefined;
}

/** Splits `host[:port]` or `[v6][:port]`; returns an error sentence for a bad form. */
function parseHostPart(text: string): {host: string; port: number} | string {
	let host: string;
	let portText: string | undefined;
	if (text.startsWith('[')) {
		const close = text.indexOf(']');
		if (close === -1)
			return `the bracket after '@' is not closed, for example alice@[::1]:${DEFAULT_PORT}`;
		host = text.slice(1, close);
		const rest = text.slice(close + 1);
		if (rest !== '') {
			if (!rest.startsWith(':')) return `expected ':port' after ']', not '${rest}'`;
			portText = rest.slice(1);
		}
	} else {
		const colons = text.split(':').length - 1;
		if (colons > 1) return `put an IPv6 address in brackets, for example alice@[${text}]`;
		const colon = text.indexOf(':');
		host = colon === -1 ? text : text.slice(0, colon);
		portText = colon === -1 ? undefined : text.slice(colon + 1);
	}

	if (host === '') return "the host after '@' is missing";
	if (/[\s/@[\]]/.test(host)) return `'${host}' is not a host name`;
	if (portText === undefined) return {host, port: DEFAULT_PORT};
	const port = parsePort(portText);
	if (port === undefined) {
		return `the port must be a number from 1 to ${MAX_TCP_PORT}, not '${portText}'`;
	}

	return {host, port};
}

/** Parses a join address. Errors are one sentence naming the address and what is wrong. */
export function parseAddress(raw: string): ParsedAddress {
	const text = raw.trim();
	const fail = (why: string): ParsedAddress => ({
		ok: false,
		error: `bad address '${text}': ${why}`,
	});
	if (text === '') {
		return {
			ok: false,
			error: `missing address: give a name, for example chat join alice@localhost`,
		};
	}

	const at = text.indexOf('@');
	const namePart = at === -1 ? text : text.slice(0, at);
	if (namePart === '') return fail("the name before '@' is missing");
	const check = checkName(namePart);
	if (!check.ok) return {ok: false, error: `invalid name ${namePart}: ${check.reason}`};
	if (at === -1)
		return {ok: true, address: {name: check.name, host: DEFAULT_HOST, port: DEFAULT_PORT}};
	const [first = '', ...others] = text.slice(at + 1).split(',');
	const hostPart = parseHostPart(first);
	if (typeof hostPart === 'string') return fail(hostPart);
	if (others.length === 0) return {ok: true, address: {name: check.name, ...hostPart}};
	const more: Array<{host: string; port: number}> = [];
	for (const other of others) {
		const each = parseHostPart(other);
		if (typeof each === 'string') return fail(each);
		more.push(each);
	}

	return {ok: true, address: {name: check.name, ...hostPart, more}};
}
