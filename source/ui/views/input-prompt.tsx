// The input: `to bob>` and the text with its cursor, scrolled sideways to keep the cursor in view;
// a message of several lines takes a row a line, up to a few rows, then scrolls.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {InputLine} from '../state/input-editing.js';
import {inputRows} from './input-viewport.js';
import {displayWidth, truncateToWidth} from '../state/text-width.js';
import {displayText} from '../state/wrap-message.js';

type Props = {partner?: string; input: InputLine; width: number; maxRows: number};

/** The prompt never takes more than this share of the line, whatever the partner's name. */
const MAX_PROMPT_SHARE = 0.5;

function InputPromptView({partner, input, width, maxRows}: Props) {
	const full = partner === undefined ? '> ' : `to ${displayText(partner)}> `;
	const prompt = truncateToWidth(full.trimEnd(), Math.floor(width * MAX_PROMPT_SHARE)) + ' ';
	const promptWidth = displayWidth(prompt);
	const room = Math.max(1, width - promptWidth - 1);
	const {rows, first, total} = inputRows(input, room, maxRows);
	const below = total - first - rows.length;
	// Lines scrolled out of the input are counted in the margin: ↑ above, ↓ below.
	const margin = (index: number) => {
		if (index === 0 && first === 0) return prompt;
		let mark = '';
		if (index === 0) mark = `↑${first}`;
		else if (index === rows.length - 1 && below > 0) mark = `↓${below}`;
		return mark.padStart(promptWidth - 1).slice(0, promptWidth - 1) + ' ';
	};
	return (
		<Box flexDirection="column" height={rows.length} flexShrink={0} width={width}>
			{rows.map((row, index) => (
				// Rows are positions in the input's window: the same index is the same place.
				<Text key={index} wrap="truncate">
					<Text bold color="cyan" dimColor={index > 0 || first > 0}>
						{margin(index)}
					</Text>
					{row.before}
					{row.atCursor === '' ? undefined : <Text inverse>{row.atCursor}</Text>}
					{row.after}
				</Text>
			))}
		</Box>
	);
}

export const InputPrompt = memo(InputPromptView);
