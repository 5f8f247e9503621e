// The rows of the user list, derived from the state, so the list redraws only when a row changes.
import type {ChatState, Presence} from '../state/chat-state.js';

/** Away from the host nobody's presence is known: the list says so rather than guess. */
export type RowPresence = Presence | 'unknown';

export type UserRow = {
	name: string;
	presence: RowPresence;
	unread: number;
	current: boolean;
	/** Its conversation's number, the digit of its Alt+digit shortcut; 0 without a conversation. */
	position: number;
};

export function userRows(state: ChatState): UserRow[] {
	const known = state.connection === 'connected';
	return state.users.map((name) => ({
		name,
		presence: known ? (state.presence.get(name) ?? 'offline') : 'unknown',
		unread: state.conversations.get(name)?.unread ?? 0,
		current: name === state.partner,
		position: state.numbers.get(name) ?? 0,
	}));
}

export function sameRows(a: readonly UserRow[], b: readonly UserRow[]): boolean {
	return (
		a.length === b.length &&
		a.every((row, index) => {
			const other = b[index];
			return (
				other !== undefined &&
				row.name === other.name &&
				row.presence === other.presence &&
				row.position === other.position &&
				row.unread === other.unread &&
				row.current === other.current
			);
		})
	);
}
