// When a message from someone other than the shown partner may switch the screen to them
// (following). It never pulls you away from what you are doing: a line being typed, older
// messages being read, or a partner you chose a moment ago.
import {FOLLOW_PAUSE_AFTER_CHOICE_MS} from '../../client/limits.js';
import type {ChatState} from './chat-state.js';

export function mayFollow(state: ChatState, now: number): boolean {
	if (!state.follow || state.input.text !== '') return false;
	const shown = state.partner === undefined ? undefined : state.conversations.get(state.partner);
	if (shown?.scroll !== undefined) return false;
	return state.chosenAt === undefined || now - state.chosenAt >= FOLLOW_PAUSE_AFTER_CHOICE_MS;
}
