// One drawn line of a conversation: a day-change line, or a wrapped part of a message.
import {Text} from 'ink';
import {memo} from 'react';
import type {SpanStyle} from '../state/wrap-message.js';
import {userColour} from './user-colour.js';
import type {DisplayLine} from '../state/visible-window.js';

const SPAN_COLOURS: Record<SpanStyle, string | undefined> = {
	time: 'gray',
	name: undefined,
	text: undefined,
	pending: 'yellow',
	delivered: 'green',
	failed: 'red',
	event: undefined,
};

function MessageLineView({line, width}: {line: DisplayLine; width: number}) {
	if (line.kind === 'day') {
		const label = ` ${line.label} `;
		const side = Math.max(0, Math.floor((width - label.length) / 2));
		return (
			<Text dimColor wrap="truncate">
				{'─'.repeat(side)}
				{label}
				{'─'.repeat(side)}
			</Text>
		);
	}
	return (
		<Text wrap="truncate">
			{' '.repeat(line.line.indent)}
			{line.line.spans.map((span, index) => (
				<Text
					// Spans of one line never reorder, so their position is a stable key.
					key={index}
					color={span.style === 'name' ? userColour(line.from) : SPAN_COLOURS[span.style]}
					bold={span.style === 'name'}
					dimColor={span.style === 'event'}
				>
					{span.text}
				</Text>
			))}
		</Text>
	);
}

/** Lines come from the wrap cache, so an unchanged line is the same object and is not redrawn. */
export const MessageLine = memo(MessageLineView);
