// The user list: position, name, away/offline mark and unread count; the current partner marked.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {truncateToWidth} from '../state/text-width.js';
import {cutInMiddle} from './cut-in-middle.js';
import {listWindow} from './list-window.js';
import {userColour} from './user-colour.js';
import {sameRows, type UserRow} from './user-rows.js';
import {displayText} from '../state/wrap-message.js';

type Props = {rows: readonly UserRow[]; width: number; height: number};

const PRESENCE_MARK = {online: '', away: ' away', offline: ' off', unknown: ' ?'} as const;

function Row({row, width}: {row: UserRow; width: number}) {
	// Only Alt+1 … Alt+9 exist: a number past them, or none, leaves the column blank.
	const position = row.position >= 1 && row.position <= 9 ? `${row.position} ` : '  ';
	const unread = row.unread > 0 ? ` ${row.unread}` : '';
	const mark = PRESENCE_MARK[row.presence];
	const nameWidth = Math.max(1, width - 3 - unread.length - mark.length);
	return (
		<Text
			wrap="truncate"
			dimColor={row.presence === 'offline' || row.presence === 'unknown'}
			inverse={row.current}
		>
			<Text bold={row.current}>{row.current ? '›' : ' '}</Text>
			<Text dimColor>{position}</Text>
			<Text
				color={
					row.presence === 'online' || row.presence === 'away' ? userColour(row.name) : undefined
				}
				bold={row.current}
			>
				{cutInMiddle(displayText(row.name), nameWidth)}
			</Text>
			<Text dimColor>{mark}</Text>
			<Text bold color="yellow">
				{unread}
			</Text>
		</Text>
	);
}

function UserListView({rows, width, height}: Props) {
	const current = rows.findIndex((row) => row.current);
	// Keep the current partner in view; say how many are left out when the list is too long.
	const window = listWindow(rows.length, current, height);
	const visible = rows.slice(window.start, window.end);
	const inner = width - 1;
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			flexShrink={0}
			overflowY="hidden"
			borderStyle="single"
			borderTop={false}
			borderBottom={false}
			borderLeft={false}
			borderDimColor
		>
			{rows.length === 0 ? (
				<Text dimColor wrap="truncate">
					{truncateToWidth(' nobody else', inner)}
				</Text>
			) : (
				<>
					{window.above > 0 ? (
						<MoreMark text={`↑ ${window.above} more`} width={inner} />
					) : undefined}
					{visible.map((row) => (
						<Row key={row.name} row={row} width={inner} />
					))}
					{window.below > 0 ? (
						<MoreMark text={`↓ ${window.below} more`} width={inner} />
					) : undefined}
				</>
			)}
		</Box>
	);
}

function MoreMark({text, width}: {text: string; width: number}) {
	return (
		<Text dimColor wrap="truncate">
			{truncateToWidth(`  ${text}`, width)}
		</Text>
	);
}

export const UserList = memo(
	UserListView,
	(previous, next) =>
		previous.width === next.width &&
		previous.height === next.height &&
		sameRows(previous.rows, next.rows),
);
