// Below the smallest size the layout works at, say so instead of drawing a broken screen.
import {Box, Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';

export function TooSmallNotice({columns, rows}: {columns: number; rows: number}) {
	return (
		<Box height={Math.max(1, rows - 1)} width={columns} overflow="hidden">
			<Text wrap="wrap" color="yellow">
				terminal too small ({columns}×{rows}): make it at least {MIN_COLUMNS}×{MIN_ROWS}
			</Text>
		</Box>
	);
}
