// The conversation with the current partner: a title line, the visible window of messages, and
// "N new messages below" while scrolled up.
import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import type {Conversation} from '../state/chat-state.js';
import {shortFingerprint} from '../../protocol/key-fingerprint.js';
import {MessageLine} from './message-line.js';
import {NO_PARTNER_HINT} from '../state/submit-line.js';
import {displayWidth, truncateToWidth} from '../state/text-width.js';
import {cutInMiddle} from './cut-in-middle.js';
import {userColour} from './user-colour.js';
import type {RowPresence} from './user-rows.js';
import {visibleWindow} from '../state/visible-window.js';
import {displayText} from '../state/wrap-message.js';

type Props = {
	self: string;
	partner?: string;
	presence?: RowPresence;
	/** The partner's key fingerprint (docs/protocol.md "Identity"), shown short; none: no key. */
	fingerprint?: string;
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

/**
 * The partner's whole name, so a name the list had to cut can be read in full; the presence
 * gives way first, and only a name wider than the pane is cut, in the middle like the list's.
 */
function ConversationTitle(props: {
	partner: string;
	presence?: RowPresence;
	fingerprint?: string;
	width: number;
}) {
	const name = displayText(props.partner);
	const presence = PRESENCE_TITLE[props.presence ?? 'offline'];
	const key = props.fingerprint === undefined ? '' : `  ${shortFingerprint(props.fingerprint)}`;
	const fits = displayWidth(name) + displayWidth(presence) <= props.width;
	const keyFits = fits && displayWidth(name) + displayWidth(presence) + key.length <= props.width;
	return (
		<Text wrap="truncate">
			<Text bold color={userColour(props.partner)}>
				{cutInMiddle(name, props.width)}
			</Text>
			{fits ? <Text dimColor>{presence}</Text> : undefined}
			{keyFits && key !== '' ? <Text dimColor>{key}</Text> : undefined}
		</Text>
	);
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
					<ConversationTitle
						partner={partner}
						presence={presence}
						fingerprint={props.fingerprint}
						width={messageWidth}
					/>
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
