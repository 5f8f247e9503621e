// Asking for something the state cannot do itself: a hook sees the count grow and does it.
import type {ChatState, ScreenRequests} from './chat-state.js';

export function request(state: ChatState, what: keyof ScreenRequests): ChatState {
	return {...state, requests: {...state.requests, [what]: state.requests[what] + 1}};
}
