// The child that history-crash.test.ts kills with SIGKILL, or runs two of at once: it records
// messages into the history in argv[2] as fast as it can, committing every few, and prints the
// uids of each commit once it returned. argv[3] names its messages; argv[4], if given, stops it
// after that many.
import {HistoryStore} from '../../source/history/history-store.js';
import {sayJsonLineNow as say} from './json-line-now.js';

/** A bound on the child's life, should the test never kill it. */
const MAX_RUN_MS = 20_000;
const PER_COMMIT = 7;

const [dir = '', name = 'w', countText] = process.argv.slice(2);
const count = countText === undefined ? Number.POSITIVE_INFINITY : Number(countText);

const store = new HistoryStore({
	dir,
	host: 'h:1',
	self: 'alice',
	onProblem: (sentence) => say({problem: sentence}),
});
const started = Date.now();
let next = 0;
function writeSome(): void {
	if (next >= count || Date.now() - started > MAX_RUN_MS) {
		store.close();
		say({done: next});
		return;
	}
	const uids: string[] = [];
	for (let index = 0; index < PER_COMMIT && next < count; index++, next++) {
		const uid = `${name}-${next}`;
		// Long texts make each commit span several pages, so a kill can land inside one.
		store.record('bob', {
			uid,
			time: Date.now(),
			from: 'bob',
			text: `${uid} ${'é'.repeat(next % 500)}`,
		});
		uids.push(uid);
	}
	store.flush();
	say({committed: uids});
	setImmediate(writeSome);
}

say({ready: true});
writeSome();
