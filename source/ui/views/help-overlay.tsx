// The help overlay, drawn from help-rows.ts (the keymap and the input commands), so it is always
// the truth about what the keys do. PgUp/PgDn page it when the terminal is short.
import {Box, Text} from 'ink';
import {helpRows} from '../keys/help-rows.js';
import {displayWidth, truncateToWidth} from '../state/text-width.js';

/** The keys column fits the longest label, plus a space. */
const KEY_COLUMN = Math.max(
	...helpRows.map((row) => ('keys' in row ? displayWidth(row.keys) + 1 : 0)),
);

type Props = {width: number; height: number; offset: number};

export function HelpOverlay({width, height, offset}: Props) {
	const body = Math.max(1, height - 1);
	const start = Math.max(0, Math.min(offset, helpRows.length - body));
	const keyWidth = Math.min(KEY_COLUMN, Math.floor((width - 1) / 2));
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflowY="hidden">
			<Text inverse wrap="truncate">
				{truncateToWidth(' Help: Esc or F1 closes, PgUp/PgDn scroll ', width).padEnd(width)}
			</Text>
			{/* Rows start one cell in, like the conversation's lines. */}
			<Box flexDirection="column" paddingLeft={1} flexShrink={0}>
				{helpRows.slice(start, start + body).map((row) =>
					'heading' in row ? (
						<Text key={row.heading} bold underline wrap="truncate">
							{row.heading}
						</Text>
					) : (
						<Text key={row.keys} wrap="truncate">
							<Text bold color="cyan">
								{truncateToWidth(row.keys, keyWidth - 1).padEnd(keyWidth)}
							</Text>
							{row.description}
						</Text>
					),
				)}
			</Box>
		</Box>
	);
}
