// The `chat host` flags for who gets in (docs/protocol.md "Password" and "TLS"): --password (or
// CHAT_PASSWORD), --tls-cert and --tls-key, or --tls for a self-signed certificate kept in the
// config dir. Turns them into HostOptions, or into one sentence for the user.

import {chatConfigDir} from '../config-dir.js';
import {PASSWORD_VARIABLE, passwordProblem} from '../protocol/password-rules.js';
import type {HostOptions} from '../host/host-options.js';
import {TlsSetupError, loadTlsFiles, selfSignedCredentials} from '../host/tls/tls-credentials.js';

type AccessOptions = Pick<HostOptions, 'password' | 'tls'>;

type AccessResult =
	{ok: true; options: AccessOptions; notes: string[]} | {ok: false; error: string};

export async function hostAccessFromFlags(
	flags: Readonly<Record<string, unknown>>,
	env: NodeJS.ProcessEnv,
	configDir: string = chatConfigDir(env),
): Promise<AccessResult> {
	const options: AccessOptions = {};
	const notes: string[] = [];
	const flagPassword = typeof flags['password'] === 'string' ? flags['password'] : undefined;
	const envPassword = env[PASSWORD_VARIABLE] || undefined;
	const password = flagPassword ?? envPassword;
	if (password !== undefined) {
		const problem = passwordProblem(password);
		const source = flagPassword === undefined ? PASSWORD_VARIABLE : '--password';
		if (problem !== undefined) return {ok: false, error: `${source} cannot be used: ${problem}`};
		options.password = password;
	}

	const certFile = stringFlag(flags['tlsCert']);
	const keyFile = stringFlag(flags['tlsKey']);
	if ((certFile === undefined) !== (keyFile === undefined)) {
		return {ok: false, error: '--tls-cert and --tls-key go together: give both files'};
	}

	try {
		if (certFile !== undefined && keyFile !== undefined) {
			options.tls = await loadTlsFiles(certFile, keyFile);
		} else if (flags['tls'] === true) {
			const made = await selfSignedCredentials(configDir);
			if (made.created) notes.push(`made a self-signed TLS certificate in ${configDir}`);
			options.tls = made;
		}
	} catch (error: unknown) {
		if (error instanceof TlsSetupError) return {ok: false, error: error.message};
		throw error;
	}

	return {ok: true, options, notes};
}

function stringFlag(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}
