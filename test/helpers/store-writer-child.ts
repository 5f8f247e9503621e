// The child that host-store-crash.test.ts kills with SIGKILL: it opens the store in argv[2] and
// writes random messages, removals and name bindings until it is killed, printing one JSON line
// when it tries a write and one when the write's promise resolves (the acknowledgement).
// argv[3] seeds its choices.

import {MessageIds} from '../../source/host/relay/message-ids.js';
import {openDurableStore} from '../../source/host/store/durable-store.js';
import {messageIdsStartMs} from '../../source/host/store/next-id-start.js';
import type {WaitingMessage} from '../../source/host/store/waiting-messages.js';
import {sayJsonLineNow as say} from './json-line-now.js';

/** A bound on the child's life, should the test never kill it. */
const MAX_RUN_MS = 20_000;
const RECIPIENTS = ['ann', 'ben', 'cat', 'dan'];
const NAMES = ['gina', 'hal', 'ivy', 'jo', 'kim', 'lu'];

const [dir = '', seedText = '1'] = process.argv.slice(2);
let seed = Number(seedText) >>> 0 || 1;
/** xorshift32: the same seed gives the same run, so a failure can be replayed. */
function random(below: number): number {
	seed ^= seed << 13;
	seed ^= seed >>> 17;
	seed ^= seed << 5;
	return (seed >>> 0) % below;
}

const store = openDurableStore({dir});
const ids = new MessageIds(messageIdsStartMs(store.messages.highestId(), Date.now()));
const acknowledged: string[] = [];
say({ready: store.messages.highestId() ?? null});

function append(): void {
	const recipient = RECIPIENTS[random(RECIPIENTS.length)] ?? 'ann';
	const message: WaitingMessage = {
		id: ids.next(),
		kind: random(4) === 0 ? 'held' : 'stored',
		recipientKey: recipient,
		time: Date.now(),
		sender: 'alice',
		recipient,
		senderRef: random(3) === 0 ? undefined : `r${random(1000)}`,
		text: 'é'.repeat(random(300)) + String(random(1e6)),
	};
	say({try: 'append', message});
	void store.messages.append(message).then((outcome) => {
		if (!outcome.kept) throw new Error('no limit was given, yet a message was refused');
		acknowledged.push(message.id);
		say({ack: 'append', message});
	});
}

function remove(): void {
	const ids = acknowledged.splice(0, 1 + random(3));
	if (ids.length === 0) return;
	say({try: 'remove', ids});
	void store.messages.remove(ids).then(() => say({ack: 'remove', ids}));
}

function bind(): void {
	const name = NAMES[random(NAMES.length)] ?? 'gina';
	const publicKey = Buffer.alloc(32, random(256)).toString('hex');
	say({try: 'bind', name, publicKey});
	void store.names
		.bind({nameKey: name, name, publicKey: Buffer.from(publicKey, 'hex'), nowMs: Date.now()})
		.then(({bound, binding}) =>
			say({ack: 'bind', name, publicKey, bound, owner: binding.publicKey.toString('hex')}),
		);
}

const started = Date.now();
/** One tick's writes, a random handful, then the next tick. */
function writeSome(): void {
	if (Date.now() - started > MAX_RUN_MS) {
		void store.close();
		return;
	}

	const writes = 1 + random(20);
	for (let count = 0; count < writes; count++) {
		const choice = random(10);
		if (choice < 7) append();
		else if (choice < 9) remove();
		else bind();
	}

	setImmediate(writeSome);
}

writeSome();
