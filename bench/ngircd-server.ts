// ngircd 26.1 (Debian) as the C reference relay, in the foreground with a generated config.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {findFreePort, waitUntilListening} from './free-port.js';
import {trackServer, type RunningServer} from './running-server.js';

/** Debian puts it in /usr/sbin, which is not on every user's PATH. */
const NGIRCD = existsSync('/usr/sbin/ngircd') ? '/usr/sbin/ngircd' : 'ngircd';
const START_DEADLINE_MS = 10_000;

export function ngircdVersion(): string | undefined {
	const result = spawnSync(NGIRCD, ['--version'], {encoding: 'utf8'});
	if (result.error || result.status !== 0) return undefined;
	return /ngIRCd (\S+?)-/.exec(result.stdout)?.[1] ?? 'unknown';
}

function config(port: number): string {
	return `[Global]
	Name = bench.chat.invalid
	Info = chat benchmark
	Listen = 127.0.0.1
	Ports = ${port}
	MotdPhrase = bench
[Limits]
	# 0: no cap, as chat host runs with --max-per-address 0.
	MaxConnections = 0
	MaxConnectionsIP = 0
	MaxNickLength = 31
	# Flood penalties would throttle each client to about 3 lines/s; chat host runs with --rate 0.
	MaxPenaltyTime = 0
	# Idle users in the scale run must not be pinged out.
	PingTimeout = 3600
	PongTimeout = 3600
[Options]
	DNS = no
	Ident = no
	PAM = no
	ConnectIPv6 = no
`;
}

export async function startNgircd(): Promise<RunningServer> {
	const port = await findFreePort();
	const directory = mkdtempSync(path.join(tmpdir(), 'chat-bench-ngircd-'));
	const file = path.join(directory, 'ngircd.conf');
	writeFileSync(file, config(port));
	const child = spawn(NGIRCD, ['-n', '-f', file], {stdio: ['ignore', 'pipe', 'pipe']});
	const server = trackServer(child, port, 'ngircd');
	child.once('exit', () => rmSync(directory, {recursive: true, force: true}));
	try {
		await waitUntilListening(port, START_DEADLINE_MS);
	} catch (error) {
		await server.stop();
		throw new Error(`ngircd did not start: ${(error as Error).message}`);
	}
	return server;
}
