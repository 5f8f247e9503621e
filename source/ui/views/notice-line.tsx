// One line for errors and notices ("message from carol", "there is no user named zed online").
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Notice} from '../state/chat-state.js';
import {truncateToWidth} from '../state/text-width.js';
import {displayText} from '../state/wrap-message.js';

function NoticeLineView({notice, width}: {notice?: Notice; width: number}) {
	return (
		<Box height={1} flexShrink={0} width={width}>
			{notice ? (
				<Text color={notice.tone === 'error' ? 'red' : 'yellow'} wrap="truncate">
					{truncateToWidth(displayText(notice.text), width)}
				</Text>
			) : undefined}
		</Box>
	);
}

export const NoticeLine = memo(NoticeLineView);
