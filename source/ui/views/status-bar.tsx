// The status bar: who you are, where, the connection state, how many are online (while
// connected), the help key.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {ConnectionState} from '../../client/chat-client.js';
import {bindingLabel, keymap} from '../keys/keymap.js';
import {displayWidth, truncateToWidth} from '../state/text-width.js';
import {displayText} from '../state/wrap-message.js';

type Props = {
	self: string;
	hostLabel: string;
	connection: ConnectionState;
	detail?: string;
	online: number;
	width: number;
};

const STATE_COLOURS: Record<ConnectionState, string> = {
	connecting: 'yellow',
	connected: 'green',
	reconnecting: 'yellow',
	disconnected: 'red',
};

const SEPARATOR = ' │ ';

const helpBinding = keymap.find((binding) => binding.command === 'toggle-help');
const HELP_HINT = helpBinding ? `${bindingLabel(helpBinding)} help` : '/help';

function StatusBarView({self, hostLabel, connection, detail, online, width}: Props) {
	const state =
		connection + (detail && connection !== 'connected' ? ` (${displayText(detail)})` : '');
	// Away from the host the count would be a guess: it comes back with the connection.
	const count = connection === 'connected' ? ` │ ${online} online` : '';
	const tail = `${count} │ ${HELP_HINT} `;
	const fixed = displayWidth(state) + displayWidth(tail);
	// Your name and the host give way first when the terminal is narrow; the separator stays.
	const room = width - fixed - displayWidth(SEPARATOR);
	const who =
		room > 1 ? truncateToWidth(` ${displayText(self)} @ ${hostLabel}`, room) + SEPARATOR : '';
	const padding = Math.max(0, width - displayWidth(who) - fixed);
	return (
		<Box height={1} flexShrink={0} width={width}>
			<Text inverse wrap="truncate">
				{who}
				<Text color={STATE_COLOURS[connection]}>{state}</Text>
				{tail}
				{' '.repeat(padding)}
			</Text>
		</Box>
	);
}

export const StatusBar = memo(StatusBarView);
