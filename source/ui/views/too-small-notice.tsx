// Below the smallest size the layout works at, say so instead of drawing a broken screen. The
// keys that need no screen still work (use-chat-keys.ts), and the notice names the way out.
import {Box, Text} from 'ink';
import {bindingLabel, keymap} from '../keys/keymap.js';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';

const quitBinding = keymap.find((binding) => binding.command === 'quit');
const QUIT_KEY = quitBinding ? bindingLabel(quitBinding) : 'Ctrl+C';

type Props = {columns: number; rows: number; question?: string};

export function TooSmallNotice({columns, rows, question}: Props) {
	return (
		<Box height={Math.max(1, rows - 1)} width={columns} overflow="hidden" flexDirection="column">
			<Text wrap="wrap" color="yellow">
				terminal too small ({columns}×{rows}): make it at least {MIN_COLUMNS}×{MIN_ROWS}, or press{' '}
				{QUIT_KEY} to quit
			</Text>
			{question === undefined ? undefined : (
				<Text wrap="wrap" color="red">
					{question}
				</Text>
			)}
		</Box>
	);
}
