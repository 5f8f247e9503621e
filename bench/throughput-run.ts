// One throughput run: N sender→receiver pairs, each sender pushes M texts as fast as the
// relay's backpressure allows; the clock stops when every receiver has all of its texts.
import {deferred} from './deferred.js';
import {benchText, endsWithText, readStamp} from './bench-text.js';
import {LOGINS_IN_FLIGHT, leaveAll, logInAll} from './bench-user.js';
import type {RelayFace} from './relay-faces.js';
import type {RunningServer} from './running-server.js';
import {watch} from './run-watch.js';

export type ThroughputResult = {
	messagesPerSecond: number;
	/** Texts that never reached their receiver (must be 0). */
	lost: number;
	/** Texts that arrived out of order, or results that said FAILED, or errors (must be 0). */
	faults: number;
	/** CPU time the relay process spent during the flood, per text, in microseconds. */
	relayCpuMicrosPerMessage: number;
	/** Share of one core the load generator used: near 1 means it, not the relay, set the pace. */
	loadGeneratorBusy: number;
	problem?: string;
};

function buildTraffic(face: RelayFace, to: string, count: number): Buffer {
	const lines = [face.choosePartner(to)];
	for (let seq = 0; seq < count; seq++) lines.push(face.message(to, benchText(seq), seq));
	return Buffer.from(lines.join(''));
}

export async function runThroughput(
	server: RunningServer,
	face: RelayFace,
	pairs: number,
	perSender: number,
	tag: string,
	/** Another host of a cluster for the receivers, with what waits until `server` knows them. */
	receiversOn?: {server: RunningServer; known(names: string[]): Promise<void>},
): Promise<ThroughputResult> {
	const receiverNames = Array.from({length: pairs}, (_, index) => `${tag}r${index}`);
	const senderNames = Array.from({length: pairs}, (_, index) => `${tag}s${index}`);
	const receiverPort = receiversOn?.server.port ?? server.port;
	const receivers = await logInAll(receiverPort, face, receiverNames, LOGINS_IN_FLIGHT);
	const senders = await logInAll(server.port, face, senderNames, LOGINS_IN_FLIGHT);
	await receiversOn?.known(receiverNames);
	const traffic = receiverNames.map((name) => buildTraffic(face, name, perSender));

	const total = pairs * perSender;
	let received = 0;
	let delivered = 0;
	let faults = 0;
	const allReceived = deferred();
	const allDelivered = deferred();
	for (const receiver of receivers) {
		let expected = 0;
		receiver.onLine = (line, start, end) => {
			if (!endsWithText(line, start, end)) {
				// JOIN and the like are routine; an error is not.
				if (face.classifyLine(line, start, end) === 'failed') faults++;
				return;
			}
			if (readStamp(line, end) !== expected) faults++;
			expected++;
			if (++received === total) allReceived.resolve();
		};
	}
	for (const sender of senders) {
		sender.onLine = (line, start, end) => {
			const result = face.classifyLine(line, start, end);
			if (result === 'failed') faults++;
			else if (result === 'delivered' && ++delivered === total) allDelivered.resolve();
		};
	}

	// Cross-host, both hosts work for each message.
	const relayCpuMs = () => server.cpuMs() + (receiversOn?.server.cpuMs() ?? 0);
	const cpuBefore = relayCpuMs();
	const generatorBefore = process.cpuUsage();
	const started = performance.now();
	for (const [index, sender] of senders.entries()) sender.socket.write(traffic[index] ?? '');
	const users = [...senders, ...receivers];
	let problem = await watch(allReceived.promise, server, users, () => received);
	const elapsedMs = performance.now() - started;
	if (!problem && face.acknowledges) {
		problem = await watch(allDelivered.promise, server, users, () => delivered);
	}
	const cpuMs = relayCpuMs() - cpuBefore;
	const generator = process.cpuUsage(generatorBefore);
	const floodMs = performance.now() - started;
	const result = {
		messagesPerSecond: (received / elapsedMs) * 1000,
		lost: total - received,
		faults: faults + (face.acknowledges ? total - delivered : 0),
		relayCpuMicrosPerMessage: (cpuMs * 1000) / total,
		loadGeneratorBusy: (generator.user + generator.system) / 1000 / floodMs,
		problem,
	};
	await leaveAll(users, face);
	return result;
}
