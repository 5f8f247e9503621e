// What `chat host` tells the person starting it about the password and TLS, once it listens.

import {X509Certificate} from 'node:crypto';
import {PASSWORD_VARIABLE} from '../protocol/password-rules.js';
import type {HostOptions} from './host-options.js';

export function accessNotice(options: Pick<HostOptions, 'password' | 'tls'>): string[] {
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
