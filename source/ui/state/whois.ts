// `/whois NAME`: who a name is beyond its letters (docs/protocol.md "Identity"): the key
// fingerprint the host saw it prove, or that it has none, and whether it is online.
import {nameKey} from '../../protocol/name-rules.js';
import {findUser, type ChatState, type Notice} from './chat-state.js';

export function whoisNotice(state: ChatState, typed: string): Notice {
	if (typed === '')
		return {tone: 'error', text: '/whois needs a user name, for example /whois bob'};
	const self = nameKey(typed) === nameKey(state.self);
	const name = self ? state.self : findUser(state, typed);
	if (name === undefined) return {tone: 'error', text: `there is no user named ${typed} online`};
	const fingerprint = state.fingerprints.get(name);
	const key = fingerprint === undefined ? 'no key' : `key ${fingerprint}`;
	const presence = self ? 'you' : (state.presence.get(name) ?? 'offline');
	return {tone: 'info', text: `${name}: ${key}, ${presence}`};
}
