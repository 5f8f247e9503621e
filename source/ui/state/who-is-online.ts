// `/who`: everyone online or away, as one line that the conversation wraps.
import type {ChatState} from './chat-state.js';

export function whoIsOnline(state: ChatState): string {
	if (state.connection !== 'connected') return 'who is online is not known while disconnected';
	const names = state.users
		.filter((name) => state.presence.get(name) !== 'offline')
		.map((name) => (state.presence.get(name) === 'away' ? `${name} (away)` : name));
	if (names.length === 0) return 'nobody else is online';
	const count = names.length === 1 ? '1 other is online' : `${names.length} others are online`;
	return `${count}: ${names.join(', ')}`;
}
