// TLS for tests: a fresh temp dir, a certificate made in it, and a raw TLS client.
//
//   const dir = await makeTempDir(t);
//   const files = await writeCertificate(dir, 'host');
//   const client = await connectTlsRaw(port);

import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {TestContext} from 'node:test';
import tls from 'node:tls';
import {generate} from 'selfsigned';
import {wrapSocket, type RawClient} from './raw-client.js';

/** A temp dir of this test's own, removed when the test ends. */
export async function makeTempDir(t: TestContext): Promise<string> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-tls-test-'));
	t.after(async () => rm(dir, {recursive: true, force: true}));
	return dir;
}

/** Makes a self-signed certificate and writes `<stem>-cert.pem` and `<stem>-key.pem` in `dir`. */
export async function writeCertificate(
	dir: string,
	stem: string,
): Promise<{certFile: string; keyFile: string; cert: string; key: string}> {
	const made = await generate([{name: 'commonName', value: stem}], {
		keyType: 'ec',
		curve: 'P-256',
		algorithm: 'sha256',
	});
	const certFile = path.join(dir, `${stem}-cert.pem`);
	const keyFile = path.join(dir, `${stem}-key.pem`);
	await writeFile(certFile, made.cert);
	await writeFile(keyFile, made.private);
	return {certFile, keyFile, cert: made.cert, key: made.private};
}

/** A raw line client over TLS (no certificate check), and the fingerprint the host showed. */
export async function connectTlsRaw(port: number): Promise<RawClient & {fingerprint: string}> {
	const socket = tls.connect({port, host: '127.0.0.1', rejectUnauthorized: false});
	await new Promise<void>((resolve, reject) => {
		socket.once('secureConnect', resolve);
		socket.once('error', reject);
	});
	const fingerprint = socket.getPeerCertificate().fingerprint256;
	return Object.assign(wrapSocket(socket), {fingerprint});
}
