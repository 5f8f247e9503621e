// A structured login with a key, by hand over a raw socket (docs/protocol.md "Identity"):
// HELLO with key=, the host's CHALLENGE, PROVE with the signature, then WELCOME and the roster.
import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	type KeyObject,
} from 'node:crypto';
import {proofPayload} from '../../source/protocol/login-proof.js';
import {connectRaw, type RawClient} from './raw-client.js';

export type TestKey = {publicKey: string; signs(payload: Buffer): string};

export function testKey(): TestKey {
	const {privateKey, publicKey} = generateKeyPairSync('ed25519');
	return keyOf(privateKey, publicKey);
}

function keyOf(privateKey: KeyObject, publicKey: KeyObject): TestKey {
	return {
		publicKey: publicKey.export({format: 'jwk'}).x ?? '',
		signs: (payload) => sign(null, payload, privateKey).toString('base64url'),
	};
}

/** An Ed25519 PKCS#8 key is this prefix and the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The same key for `name` in every process of a test run: a host child binds it, the test
 * process logs in with it. */
export function ownerKey(name: string): TestKey {
	const seed = createHash('sha256').update(`chat test owner ${name}`).digest();
	const privateKey = createPrivateKey({
		key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
		format: 'der',
		type: 'pkcs8',
	});
	return keyOf(privateKey, createPublicKey(privateKey));
}

/** The raw 32-byte public key, as the name owners keep it. */
export function rawPublicKey(key: TestKey): Buffer {
	return Buffer.from(key.publicKey, 'base64url');
}

/** Logs in as the owner of `name` (ownerKey), binding the name on its first login. */
export async function loginOwner(
	port: number,
	name: string,
	extra = '',
): Promise<RawClient & {token: string; roster: string[]; keys: Map<string, string>}> {
	return loginKeyed(port, name, ownerKey(name), extra);
}

/** alice, with bob: both owners log in on `port`, bob's socket dies, and alice has seen him away. */
export async function aliceWithBobAway(port: number) {
	const alice = await loginOwner(port, 'alice');
	const bob = await loginOwner(port, 'bob');
	bob.destroy();
	await alice.waitForLine(/^AWAY bob$/);
	return alice;
}

/**
 * Sends `HELLO 1 name key=…` and answers the challenge; resolves with the first line after the
 * proof (WELCOME or REFUSED), or the refusal that came instead of a challenge.
 */
export async function sendKeyedHello(
	client: RawClient,
	name: string,
	key: TestKey,
	extra = '',
): Promise<string> {
	client.send(`HELLO 1 ${name} key=${key.publicKey}${extra}`);
	const first = await client.nextLine();
	const challenge = /^CHALLENGE (\S+) (\S+)$/.exec(first);
	if (!challenge) return first;
	const [, hostId = '', nonce = ''] = challenge;
	const payload = proofPayload({version: '1', name, nonce, hostId, publicKey: key.publicKey});
	client.send(`PROVE ${key.signs(payload)}`);
	return client.nextLine();
}

/** Logs in with `key`; returns the client, its token, the roster and its KEY lines. */
export async function loginKeyed(
	port: number,
	name: string,
	key: TestKey,
	extra = '',
): Promise<RawClient & {token: string; roster: string[]; keys: Map<string, string>}> {
	const client = await connectRaw(port);
	const welcome = await sendKeyedHello(client, name, key, extra);
	const match = /^WELCOME (\S+) (\S+) \d+(?: rate=\d+ burst=\d+)?$/.exec(welcome);
	if (!match) throw new Error(`keyed login as ${name} got: ${welcome}`);
	const roster: string[] = [];
	const keys = new Map<string, string>();
	for (let line = await client.nextLine(); line !== 'USERS-END'; line = await client.nextLine()) {
		const [verb, ...rest] = line.split(' ');
		if (verb === 'USERS') roster.push(...rest);
		else if (verb === 'KEY') keys.set(rest[0] ?? '', rest[1] ?? '');
		else throw new Error(`expected the roster, got: ${line}`);
	}

	return Object.assign(client, {token: match[2] ?? '', roster, keys});
}
