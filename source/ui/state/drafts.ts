// Each conversation keeps its own half-typed input: switching partners puts the shown one's
// input away and brings the next one's back, so Enter always sends what was typed for the
// conversation on the screen.
import type {ChatState} from './chat-state.js';
import {emptyInputLine} from './input-editing.js';

/** The input for `partner` swapped in. Text typed before any partner was chosen goes along. */
export function swapDraft(state: ChatState, partner: string): ChatState {
	if (state.partner === partner) return state;
	const drafts = new Map(state.drafts);
	const typed = state.input;
	if (state.partner !== undefined) {
		if (typed.text === '') drafts.delete(state.partner);
		else drafts.set(state.partner, typed);
	}

	const carried = state.partner === undefined && typed.text !== '';
	const input = carried ? typed : (drafts.get(partner) ?? emptyInputLine);
	drafts.delete(partner);
	return {...state, drafts, input, historyIndex: undefined, completion: undefined};
}
