// The attacker of the login-storm bench, in a process of its own so that its work never slows the
// bystanders it is measured against: PARALLEL loops, each logging in on the plain face and quitting
// at once (`stormN`, then `quit`, in one write), from one address, as fast as the host lets it:
// each loop starts its next login as soon as the host has answered the last one.
// Every second it reports how many logins got `Welcome!` and how many were refused.
import net from 'node:net';

const [portText = '', parallelText = ''] = process.argv.slice(2);
const port = Number(portText);
const parallel = Number(parallelText);
const WELCOME = 'Welcome!';

let welcomed = 0;
let refused = 0;
let stopping = false;

function loop(index: number): void {
	if (stopping) return;
	const socket = net.connect({port, host: '127.0.0.1'});
	let first = '';
	socket.setEncoding('utf8');
	socket.on('data', (text: string) => {
		if (first.includes('\n')) return;
		first += text;
		if (!first.includes('\n')) return;
		if (first.startsWith(WELCOME)) welcomed++;
		else refused++;
		// The answer is all it came for: the next login starts without waiting for the close.
		socket.destroy();
		loop(index);
	});
	socket.on('error', () => {});
	socket.once('close', () => {
		// Closed without a whole line of answer: refused all the same.
		if (first.includes('\n')) return;
		refused++;
		loop(index);
	});
	socket.write(`storm${index}\nquit\n`);
}

for (let index = 0; index < parallel; index++) loop(index);

const report = setInterval(() => {
	process.send?.({welcomed, refused});
	welcomed = 0;
	refused = 0;
}, 1000);

process.on('message', () => {
	stopping = true;
	clearInterval(report);
	process.disconnect();
});
