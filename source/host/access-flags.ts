// The `chat host` flags for who gets in (docs/protocol.md "Password" and "TLS"): --password (or
// CHAT_PASSWORD), --tls-cert and --tls-key, or --tls for a self-signed certificate kept in the
// config dir. Turns them into HostOptions, or into one sentence for the user.

import {X509Certificate} from 'node:crypto';
import {chatConfigDir} from '../config-dir.js';
import {passwordProblem} from '../protocol/password-rules.js';
import type {HostOptions} from './host-options.js';
import {TlsSetupError, loadTlsFiles, selfSignedCredentials} from './tls/tls-credentials.js';

/** The environment variable that carries the password (safer than a flag, which `ps` shows). */
export const PASSWORD_VARIABLE = 'CHAT_PASSWORD';

/** The flags as meow camel-cases them. */
export const ACCESS_FLAG_KEYS = ['password', 'tlsCert', 'tlsKey', 'tls'] as const;

export function accessFlagsHelp(indent: string): string[] {
	const rows = [
		[
			'--password P',
			`clients must give this password (or set ${PASSWORD_VARIABLE}, which ps does not show)`,
		],
		['--tls', 'serve TLS with a self-signed certificate, made once and kept'],
		['--tls-cert FILE', 'serve TLS with this PEM certificate (with --tls-key)'],
		['--tls-key FILE', 'the PEM private key of --tls-cert'],
	] as const;
	const width = Math.max(...rows.map(([usage]) => usage.length)) + 2;
	return rows.map(([usage, help]) => indent + usage.padEnd(width) + help);
}

export type AccessOptions = Pick<HostOptions, 'password' | 'tls'>;

export type AccessResult =
	{ok: true; options: AccessOptions; notes: string[]} | {ok: false; error: string};

export async function hostAccessFromFlags(
	flags: Record<string, unknown>,
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

/** What `chat host` tells the person starting it about the password and TLS. */
export function accessNotice(options: AccessOptions): string[] {
	const lines: string[] = [];
	if (options.tls !== undefined) {
		const fingerprint = new X509Certificate(options.tls.cert).fingerprint256;
		lines.push(
			'Clients join with --tls; on first use they pin this certificate (SHA-256):',
			`  ${fingerprint}`,
		);
	}

	if (options.password !== undefined) {
		lines.push(
			`Clients need the password: ${PASSWORD_VARIABLE}=… chat join …, or pass:PASSWORD first in nc.`,
		);
	}

	return lines;
}
