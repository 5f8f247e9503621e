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
import {createTlsOpenSocket} from '../client/tls-connect.js';
import {trackUnsent} from '../client/unsent-report.js';
import {PASSWORD_VARIABLE, normalisePassword, passwordProblem} from '../protocol/password-rules.js';
import {createPasswordAsker} from './ask-password.js';
import {EXIT_FAILURE, EXIT_USAGE, SIGNAL_EXIT_CODES, type EndingSignal} from '../exit-codes.js';
import {registerCleanup} from './exit-cleanup.js';
import {runLineMode} from './line-mode.js';
import {loadChatUi} from './load-chat-ui.js';
import {openJoinHistory} from './open-history.js';

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

/** How the client reaches the host: plain TCP, or TLS pinning the host's certificate. */
function chooseOpenSocket(
	options: {tls: boolean},
	onNotice: (sentence: string) => void = () => undefined,
): OpenSocket | {error: string} {
	if (!options.tls) return openPlainSocket;
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
	const openSocket = chooseOpenSocket(options, (sentence) => notices.push(sentence));
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

		const unsent = trackUnsent(client);
		const ui = await loadChatUi(client);
		if ('exitCode' in ui) return ui.exitCode;
		// Until the chat screen takes over signals, one that comes (the login may be in) logs out.
		let signalled: EndingSignal | undefined;
		const endWait = registerCleanup({
			onSignal(signal) {
				signalled ??= signal;
			},
		});
		const ready = (await asker?.beforeUi()) ?? 'go';
		// Opened while the wait still catches signals, so the chat screen takes them over in the
		// same tick as the wait ends: a signal meanwhile is never lost.
		const opened =
			signalled === undefined && ready === 'go'
				? openJoinHistory({
						address: {host, port},
						self: name,
						keep: options.history !== false,
						keepDays: options.historyDays,
						onProblem: (sentence) => notices.push(sentence),
					})
				: undefined;
		endWait();
		if (signalled !== undefined) {
			opened?.close();
			await client.quit();
			return SIGNAL_EXIT_CODES[signalled];
		}

		if (typeof ready === 'object') return SIGNAL_EXIT_CODES[ready.abort];
		if (ready === 'gave-up') {
			sayError(`wrong password for ${hostLabel}, ${MAX_PASSWORD_ANSWERS} times: giving up`);
			return EXIT_FAILURE;
		}

		if (opened === undefined) return EXIT_FAILURE;
		const result = await ui
			.runChatUi({
				client: unsent.client,
				history: opened.history,
				startNotice: opened.problem,
				self: name,
				hostLabel,
				follow: options.follow,
				bell: options.bell,
			})
			.finally(() => {
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
