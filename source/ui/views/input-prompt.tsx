// The input line: `to bob>` and the text with its cursor, scrolled sideways to keep the cursor in view.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {InputLine} from '../state/input-editing.js';
import {inputViewport} from './input-viewport.js';
import {displayWidth, truncateToWidth} from '../state/text-width.js';
import {displayText} from '../state/wrap-message.js';

type Props = {partner?: string; input: InputLine; width: number};

/** The prompt never takes more than this share of the line, whatever the partner's name. */
const MAX_PROMPT_SHARE = 0.5;

function InputPromptView({partner, input, width}: Props) {
	const full = partner === undefined ? '> ' : `to ${displayText(partner)}> `;
	const prompt = truncateToWidth(full.trimEnd(), Math.floor(width * MAX_PROMPT_SHARE)) + ' ';
	const room = Math.max(1, width - displayWidth(prompt) - 1);
	const view = inputViewport(input, room);
	return (
		<Box height={1} flexShrink={0} width={width}>
			<Text wrap="truncate">
				<Text bold color="cyan">
					{prompt}
				</Text>
				{view.before}
				<Text inverse>{view.atCursor}</Text>
				{view.after}
			</Text>
		</Box>
	);
}

export const InputPrompt = memo(InputPromptView);
