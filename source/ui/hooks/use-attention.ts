// The two side effects that call for attention outside the UI: the bell when a message arrives
// where you are not looking, and the unread total in the terminal title.
import {useEffect, useRef} from 'react';
import {bellSequence, titleSequence} from '../terminal-modes.js';

/** What the title says: the unread total first, so it shows in a narrow tab. */
function titleFor(unread: number, self: string): string {
	return unread > 0 ? `(${unread}) chat: ${self}` : `chat: ${self}`;
}

export function useAttention(options: {
	bells: number;
	bell: boolean;
	unread: number;
	self: string;
	write: (data: string) => void;
}): void {
	const {bells, bell, unread, self, write} = options;
	// From none: a first state that holds messages already (chat-app.tsx) rings as they would have.
	const rung = useRef(0);
	useEffect(() => {
		if (bells > rung.current && bell) write(bellSequence);
		rung.current = bells;
	}, [bells, bell, write]);

	useEffect(() => {
		write(titleSequence(titleFor(unread, self)));
	}, [unread, self, write]);
}
