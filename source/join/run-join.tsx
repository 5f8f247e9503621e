// `chat join ADDRESS`: the full-screen UI on a terminal, a plain line client otherwise.
// Every way it can fail ends in one sentence on stderr and a non-zero exit code.
import process from 'node:process';
import {formatHostLabel} from '../client/closing-sentences.js';
import {createChallengeAnswer} from '../client/challenge-answer.js';
import {IdentityError, loadIdentity} from '../client/identity-key.js';
import {defaultKnownHostIdsPath} from '../client/known-host-ids.js';
import {defaultKnownHostsPath, pinnedNotice} from '../client/known-hosts.js';
import {MAX_PASSWORD_ANSWERS} from '../client/limits.js';
import {openPlainSocket, type OpenSocket} from '../client/open-socket.js';
import {parseAddress} from '../client/parse-address.js';
import {GIVE_UP_AFTER_FIVE_MINUTES, GIVE_UP_NEVER} from '../client/reconnect-policy.js';
import {createStructuredClient} from '../client/structured-client.js';
import {trackUnsent} from '../client/unsent-report.js';
import {PASSWORD_VARIABLE, normalisePassword, passwordProblem} from '../protocol/password-rules.js';
import {createPasswordAsker} from './ask-password.js';
import {EXIT_FAILURE, EXIT_USAGE, SIGNAL_EXIT_CODES, type EndingSignal} from '../exit-codes.js';
import {waitForSignal} from './exit-cleanup.js';
import {runLineMode} from './line-mode.js';
import {loadChatUi} from './load-chat-ui.js';
import {loadHistoryCode, openJoinHistory} from './open-history.js';

export type JoinOptions = {
	address: string;
	follow: boolean;
	bell: boolean;
	tls: boolean;
	/** False with --no-history: nothing is kept on disk. */
	history?: boolean;
	/** --history-days N: older messages are deleted. */
	historyDays?: number;
};

/**
 * How the client reaches the host: plain TCP, or TLS pinning the host's certificate. The TLS
 * code (and node:tls) is loaded only for --tls, so a plain join starts connecting sooner.
 */
async function chooseOpenSocket(
	options: {tls: boolean},
	onNotice: (sentence: string) => void = () => undefined,
): Promise<OpenSocket | {error: string}> {
	if (!options.tls) return openPlainSocket;
	const {createTlsOpenSocket} = await import('../client/tls-connect.js');
	const knownHostsFile = defaultKnownHostsPath();
	return createTlsOpenSocket({
		knownHostsFile,
		onPinned: (key, fingerprint) => onNotice(pinnedNotice(key, fingerprint, knownHostsFile)),
	});
}

function sayError(sentence: string): void {
	process.stderr.write(`chat: ${sentence}\n`);
}

export async function runJoin(options: JoinOptions): Promise<number> {
	const parsed = parseAddress(options.address);
	if (!parsed.ok) {
		sayError(parsed.error);
		return EXIT_USAGE;
	}

	// Said when the session ends, so it does not land in the middle of the full-screen UI.
	const notices: string[] = [];
	const openSocket = await chooseOpenSocket(options, (sentence) => notices.push(sentence));
	if ('error' in openSocket) {
		sayError(openSocket.error);
		return EXIT_USAGE;
	}

	const secret = process.env[PASSWORD_VARIABLE] ?? '';
	const problem = secret === '' ? undefined : passwordProblem(secret);
	if (problem !== undefined) {
		sayError(`${PASSWORD_VARIABLE} cannot be used: ${problem}`);
		return EXIT_USAGE;
	}

	// The key that owns our names, made on the first join; a damaged one is never replaced.
	let identity;
	try {
		identity = await loadIdentity();
	} catch (error: unknown) {
		if (!(error instanceof IdentityError)) throw error;
		sayError(error.message);
		return EXIT_FAILURE;
	}

	const answerChallenge = createChallengeAnswer({
		identity,
		knownHostIdsFile: defaultKnownHostIdsPath(),
	});
	const {name, host, port, more} = parsed.address;
	const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
	const hostLabel = formatHostLabel({host, port});
	// As ssh does: with no CHAT_PASSWORD, a host that wants one gets it typed at the terminal.
	const asker =
		interactive && secret === ''
			? createPasswordAsker({label: hostLabel, input: process.stdin, output: process.stderr})
			: undefined;
	try {
		const client = createStructuredClient({
			address: {host, port},
			...(more === undefined ? {} : {moreAddresses: more}),
			name,
			password: secret === '' ? undefined : normalisePassword(secret),
			identity: {publicKey: identity.publicKey, answerChallenge},
			askPassword: asker?.ask,
			onAnswered: asker?.answered,
			openSocket,
			// A person watching decides when to stop; a script must not hang on a host that is gone.
			giveUp: interactive ? GIVE_UP_NEVER : GIVE_UP_AFTER_FIVE_MINUTES,
		});
		if (!interactive) {
			return await runLineMode({
				client,
				self: name,
				follow: options.follow,
				input: process.stdin,
				output: process.stdout,
				errorOutput: process.stderr,
			});
		}

		// Loaded now that the client is connecting, alongside the UI's code, instead of before it.
		const historyCode = loadHistoryCode(options.history !== false);
		const unsent = trackUnsent(client);
		// From the login on, a signal logs out, so the host frees the name at once rather than
		// holding it for a resume. One wait catches signals until the chat screen takes them over.
		const wait = waitForSignal();
		const logOut = async (signal: EndingSignal) => {
			wait.end();
			await client.quit();
			return SIGNAL_EXIT_CODES[signal];
		};

		const ui = await loadChatUi(wait.heard);
		if ('signal' in ui) return await logOut(ui.signal);
		const ready = (await asker?.beforeUi()) ?? 'go';
		const code = await historyCode;
		const signalled = wait.signal();
		if (signalled !== undefined) return await logOut(signalled);
		if (ready !== 'go') {
			wait.end();
			if (typeof ready === 'object') return SIGNAL_EXIT_CODES[ready.abort];
			sayError(`wrong password for ${hostLabel}, ${MAX_PASSWORD_ANSWERS} times: giving up`);
			return EXIT_FAILURE;
		}

		// Opened, and the chat screen started, while the wait still catches signals: one that comes
		// meanwhile reaches whichever steps are registered when it is dispatched.
		const opened = openJoinHistory({
			code,
			address: {host, port},
			self: name,
			keepDays: options.historyDays,
			onProblem: (sentence) => notices.push(sentence),
		});
		const running = ui.runChatUi({
			client: unsent.client,
			history: opened.history,
			startNotice: opened.problem,
			self: name,
			hostLabel,
			follow: options.follow,
			bell: options.bell,
		});
		// Only now, with the chat screen's own step registered as it started.
		wait.end();
		const result = await running.finally(() => {
			opened.close();
		});
		if (result.message) sayError(result.message);
		for (const line of unsent.lines()) sayError(line);
		return result.exitCode;
	} catch (error: unknown) {
		// A bug must still end in one sentence, not a stack trace over the user's terminal.
		sayError(`chat join stopped: ${error instanceof Error ? error.message : String(error)}`);
		return EXIT_FAILURE;
	} finally {
		for (const sentence of notices) sayError(sentence);
	}
}
