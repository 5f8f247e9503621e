// The conversation with the current partner: a title line, the visible window of messages, and
// "N new messages below" while scrolled up.
import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import type {Conversation} from '../state/chat-state.js';
import {MessageLine} from './message-line.js';
import {NO_PARTNER_HINT} from '../state/submit-line.js';
import {truncateToWidth} from '../state/text-width.js';
import {userColour} from './user-colour.js';
import type {RowPresence} from './user-rows.js';
import {visibleWindow} from '../state/visible-window.js';
import {displayText} from '../state/wrap-message.js';

type Props = {
	self: string;
	partner?: string;
	presence?: RowPresence;
	conversation?: Conversation;
	width: number;
	height: number;
	messageWidth: number;
	messageRows: number;
};

const PRESENCE_TITLE = {
	online: '',
	away: ' (away)',
	offline: ' (offline)',
	unknown: ' (not known while disconnected)',
} as const;

function belowLine(conversation: Conversation): string {
	const count = conversation.newBelow;
	if (count === 0) return '── more below: PgDn ──';
	return `── ${count} new message${count === 1 ? '' : 's'} below: PgDn ──`;
}

function ConversationPaneView(props: Props) {
	const {partner, presence, conversation, messageWidth} = props;
	const scrolled = conversation?.scroll !== undefined;
	const rows = Math.max(0, props.messageRows - (scrolled ? 1 : 0));
	const lines = useMemo(
		() =>
			conversation
				? visibleWindow(
						conversation.log,
						conversation.scroll,
						messageWidth,
						rows,
						conversation.clearedAt,
					)
				: [],
		[conversation, messageWidth, rows],
	);
	return (
		<Box
			flexDirection="column"
			width={props.width}
			height={props.height}
			paddingLeft={1}
			overflowY="hidden"
		>
			{partner === undefined ? (
				<>
					<Text bold wrap="truncate">
						{truncateToWidth(`You are ${displayText(props.self)}.`, messageWidth)}
					</Text>
					<Text dimColor wrap="wrap">
						{NO_PARTNER_HINT}
					</Text>
				</>
			) : (
				<>
					<Text wrap="truncate">
						<Text bold color={userColour(partner)}>
							{truncateToWidth(displayText(partner), messageWidth - 10)}
						</Text>
						<Text dimColor>{PRESENCE_TITLE[presence ?? 'offline']}</Text>
					</Text>
					<Box flexDirection="column" height={rows} flexShrink={0} overflowY="hidden">
						{lines.map((line) => (
							<MessageLine key={line.key} line={line} width={messageWidth} />
						))}
					</Box>
					{conversation && scrolled ? (
						<Text inverse color="yellow" wrap="truncate">
							{truncateToWidth(belowLine(conversation), messageWidth)}
						</Text>
					) : undefined}
				</>
			)}
		</Box>
	);
}

export const ConversationPane = memo(ConversationPaneView);
