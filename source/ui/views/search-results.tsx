// The results of /search in place of the conversation: a title, then one row per message found,
// newest first, the selected one marked and kept in view.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {SearchView} from '../state/history-tasks.js';
import {searchRow} from '../state/search-rows.js';
import {truncateToWidth} from '../state/text-width.js';

type Props = {search: SearchView; width: number; height: number};

function titleOf(search: SearchView): string {
	const where = search.partner === undefined ? 'every conversation' : search.partner;
	const count = search.hits.length;
	const found = count === 0 ? 'nothing found' : `${count} found`;
	return ` "${search.query}" in ${where}: ${found}. Up/Down choose, Enter goes there, Esc back `;
}

function SearchResultsView({search, width, height}: Props) {
	const rows = Math.max(1, height - 1);
	const start = Math.max(0, Math.min(search.selected - rows + 1, search.hits.length - rows));
	const inner = width - 1;
	const all = search.partner === undefined;
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflowY="hidden">
			<Text inverse wrap="truncate">
				{truncateToWidth(titleOf(search), width).padEnd(width)}
			</Text>
			<Box flexDirection="column" paddingLeft={1} flexShrink={0}>
				{search.hits.slice(Math.max(0, start), Math.max(0, start) + rows).map((hit, index) => {
					const row = searchRow(hit, search.query, inner, all);
					const selected = Math.max(0, start) + index === search.selected;
					return (
						<Text key={`${hit.partner}:${hit.message.uid}`} wrap="truncate" inverse={selected}>
							<Text dimColor>{row.prefix}</Text>
							{row.segments.map((segment, at) => (
								<Text
									// Segments of one row never reorder, so their position is a stable key.
									key={at}
									bold={segment.match}
									color={segment.match ? 'yellow' : undefined}
								>
									{segment.text}
								</Text>
							))}
						</Text>
					);
				})}
			</Box>
		</Box>
	);
}

export const SearchResults = memo(SearchResultsView);
