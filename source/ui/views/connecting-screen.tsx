// Shown until the host welcomes us: a spinner with the address.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import type {ConnectionState} from '../../client/chat-client.js';
import {displayText} from '../state/wrap-message.js';

type Props = {
	self: string;
	hostLabel: string;
	state: ConnectionState;
	detail?: string;
	height: number;
};

export function ConnectingScreen({self, hostLabel, state, detail, height}: Props) {
	const doing = state === 'reconnecting' ? 'reconnecting to' : 'connecting to';
	return (
		<Box flexDirection="column" height={height} paddingLeft={1}>
			<Text>
				<Text color="cyan">
					<Spinner type="dots" />
				</Text>{' '}
				{doing} {hostLabel} as {displayText(self)}…
			</Text>
			{detail ? <Text dimColor>{displayText(detail)}</Text> : undefined}
		</Box>
	);
}
