// The attacker of the login-storm bench, in a process of its own so that its work never slows the
// bystanders it is measured against: PARALLEL loops, each logging in on the plain face (`stormN`)
// and quitting, from one address, as fast as the host lets it: each loop starts its next login as
// soon as the host has answered the last one. STAY_MS 0 sends the name and `quit` in one write;
// more keeps each login that long, so its JOIN and LEAVE fall in different batches.
// Every REPORT_MS it reports how many logins so far got `Welcome!` and how many were refused.
import net from 'node:net';

const [portText = '', parallelText = '', stayText = '0'] = process.argv.slice(2);
const port = Number(portText);
const parallel = Number(parallelText);
const stayMs = Number(stayText);
const WELCOME = 'Welcome!';
/** Often enough that a window of the storm is counted to within a fraction of a second. */
const REPORT_MS = 100;

let welcomed = 0;
let refused = 0;
let stopping = false;

function loop(index: number): void {
	if (stopping) return;
	const socket = net.connect({port, host: '127.0.0.1'});
	let first = '';
	const next = () => {
		if (stopping) return;
		loop(index);
	};

	socket.setEncoding('utf8');
	socket.on('data', (text: string) => {
		if (first.includes('\n')) return;
		first += text;
		if (!first.includes('\n')) return;
		if (!first.startsWith(WELCOME)) {
			refused++;
			socket.destroy();
			next();
			return;
		}

		welcomed++;
		if (stayMs === 0) {
			// The quit went with the name: the answer is all it came for.
			socket.destroy();
			next();
			return;
		}

		setTimeout(() => {
			socket.end('quit\n');
			next();
		}, stayMs);
	});
	socket.on('error', () => {});
	socket.once('close', () => {
		// Closed without a whole line of answer: refused all the same.
		if (first.includes('\n')) return;
		refused++;
		next();
	});
	socket.write(stayMs === 0 ? `storm${index}\nquit\n` : `storm${index}\n`);
}

for (let index = 0; index < parallel; index++) loop(index);

const report = setInterval(() => {
	process.send?.({welcomed, refused});
}, REPORT_MS);

process.on('message', () => {
	stopping = true;
	clearInterval(report);
	process.disconnect();
});
