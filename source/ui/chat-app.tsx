// The root of the chat screen: one reducer, one keypress handler, and the views of its state.
import {Box} from 'ink';
import {useMemo, useReducer} from 'react';
import type {ChatClient, ClientEvent} from '../client/chat-client.js';
import {systemClock, type Clock} from './clock.js';
import {chatReducer} from './state/chat-reducer.js';
import {randomUUID} from 'node:crypto';
import type {ChatHistory} from '../history/chat-history.js';
import {initialChatState, onlineCount, unreadTotal, type ChatState} from './state/chat-state.js';
import {retryCountdown} from './state/retry-countdown.js';
import {pastConversations} from './state/past-conversations.js';
import {SearchResults} from './views/search-results.js';
import {useHistoryTasks} from './hooks/use-history-tasks.js';
import {ConnectingScreen} from './views/connecting-screen.js';
import {ConversationPane} from './views/conversation-pane.js';
import {HelpOverlay} from './views/help-overlay.js';
import {InputPrompt} from './views/input-prompt.js';
import {inputRowCount} from './views/input-viewport.js';
import {computeLayout, MAX_INPUT_ROWS} from './views/layout.js';
import {NoticeLine} from './views/notice-line.js';
import {StatusBar} from './views/status-bar.js';
import {confirmQuestion} from './state/submit-line.js';
import {TooSmallNotice} from './views/too-small-notice.js';
import {useAttention} from './hooks/use-attention.js';
import {useChatKeys} from './hooks/use-chat-keys.js';
import {useClientEvents} from './hooks/use-client-events.js';
import {useExit, type ChatOutcome} from './hooks/use-exit.js';
import {useNow} from './hooks/use-now.js';
import {useOutbox} from './hooks/use-outbox.js';
import {useReconnect} from './hooks/use-reconnect.js';
import {useScreenRequests} from './hooks/use-screen-requests.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {UserList} from './views/user-list.js';
import {userRows, type RowPresence} from './views/user-rows.js';

/** Hex digits of a random id that name this session's sent messages in the history. */
const SESSION_ID_LENGTH = 12;

/** No events before the first frame (one array, so the client's subscription stays put). */
const NOTHING_HEARD: readonly ClientEvent[] = [];

/** The shown partner's presence, not known while the host is out of reach. */
function partnerPresence(state: ChatState): RowPresence | undefined {
	if (state.partner === undefined) return undefined;
	return state.connection === 'connected' ? state.presence.get(state.partner) : 'unknown';
}

type ChatAppProps = {
	client: ChatClient;
	/** Events the client emitted before the screen started, taken from it: in the first frame. */
	heard?: readonly ClientEvent[];
	/** The local history; undefined with --no-history (or when it could not be opened). */
	history?: ChatHistory;
	/** Said in the notice line at start (why the history is off, say). */
	startNotice?: string;
	self: string;
	hostLabel: string;
	follow: boolean;
	bell: boolean;
	onExit: (outcome: ChatOutcome) => void;
	/** Where the bell and title sequences go: the terminal, beside Ink's own output. */
	writeControl: (data: string) => void;
	/** The system clock unless a test moves time itself. */
	clock?: Clock;
	/** Ctrl+Z: stops the process with the terminal restored; resolves once the shell's fg is back. */
	onSuspend?: () => Promise<void>;
};

/** The first state: with a history, the conversations it kept, read before the first frame. */
function startingState(props: ChatAppProps): ChatState {
	const sessionStart = (props.clock ?? systemClock).now();
	const state = initialChatState({
		self: props.self,
		follow: props.follow,
		past: props.history ? pastConversations(props.history, sessionStart) : undefined,
		sessionId: randomUUID().slice(0, SESSION_ID_LENGTH),
		sessionStart,
	});
	const noticed: ChatState = props.startNotice
		? {...state, notice: {tone: 'error', text: props.startNotice}}
		: state;
	const heard = props.heard ?? NOTHING_HEARD;
	if (heard.length === 0) return noticed;
	return chatReducer(noticed, {type: 'client-events', events: heard, now: sessionStart});
}

export function ChatApp(props: ChatAppProps) {
	const {client, self, history} = props;
	const clock = props.clock ?? systemClock;
	const [state, dispatch] = useReducer(chatReducer, props, startingState);
	const {columns, rows} = useTerminalSize();
	const inputRows = inputRowCount(state.input.text, MAX_INPUT_ROWS);
	const layout = useMemo(() => computeLayout(columns, rows, inputRows), [columns, rows, inputRows]);
	// While scrolled up one message row shows "N new messages below": scrolling works in the rest.
	const view = useMemo(
		() => ({width: layout.messageWidth, height: Math.max(1, layout.messageRows - 1)}),
		[layout],
	);

	const now = useNow(clock, state.retryAt !== undefined && state.connection !== 'connected');
	const detail =
		state.retryAt === undefined || state.connection === 'connected'
			? state.connectionDetail
			: retryCountdown(state.retryAt, now, state.retryWhy);
	useChatKeys(dispatch, view, layout.tooSmall, clock);
	useClientEvents(client, dispatch, clock, history, props.heard ?? NOTHING_HEARD);
	const recording = useMemo(() => ({history, self}), [history, self]);
	useOutbox(client, state.outbox, dispatch, recording);
	useHistoryTasks(history, state.historyTasks, dispatch);
	useReconnect(client, state.requests.reconnect);
	useScreenRequests(state.requests, props.onSuspend);
	useExit(client, state, props.onExit);
	useAttention({
		bells: state.bells,
		bell: props.bell,
		unread: unreadTotal(state),
		self: state.self,
		write: props.writeControl,
	});

	if (layout.tooSmall) {
		return <TooSmallNotice columns={columns} rows={rows} question={state.quitAsking} />;
	}
	if (!state.welcomed) {
		return (
			<ConnectingScreen
				self={state.self}
				hostLabel={props.hostLabel}
				state={state.connection}
				detail={detail}
				height={layout.rootHeight}
			/>
		);
	}

	const partner = state.partner;
	return (
		<Box flexDirection="column" width={columns} height={layout.rootHeight}>
			<Box flexDirection="row" height={layout.mainHeight} flexShrink={0} overflowY="hidden">
				<UserList rows={userRows(state)} width={layout.listWidth} height={layout.mainHeight} />
				{state.helpOpen ? (
					<HelpOverlay
						width={layout.paneWidth}
						height={layout.mainHeight}
						offset={state.helpOffset}
					/>
				) : state.search ? (
					<SearchResults
						search={state.search}
						width={layout.paneWidth}
						height={layout.mainHeight}
					/>
				) : (
					<ConversationPane
						self={state.self}
						partner={partner}
						presence={partnerPresence(state)}
						fingerprint={partner === undefined ? undefined : state.fingerprints.get(partner)}
						conversation={partner === undefined ? undefined : state.conversations.get(partner)}
						width={layout.paneWidth}
						height={layout.mainHeight}
						messageWidth={layout.messageWidth}
						messageRows={layout.messageRows}
					/>
				)}
			</Box>
			<NoticeLine
				notice={
					state.quitAsking === undefined
						? state.confirmSend
							? {tone: 'info', text: confirmQuestion(state.confirmSend)}
							: state.notice
						: {tone: 'error', text: state.quitAsking}
				}
				width={columns}
			/>
			<InputPrompt partner={partner} input={state.input} width={columns} maxRows={MAX_INPUT_ROWS} />
			<StatusBar
				self={state.self}
				hostLabel={state.connectedHost ?? props.hostLabel}
				connection={state.connection}
				detail={detail}
				online={onlineCount(state)}
				width={columns}
			/>
		</Box>
	);
}
