// The DeliveryOrigin of a message stamped by another host of the cluster (or by this one, for a
// message that waited in Redis): its results go back to that host, a handed-over one as its
// number in that host's next list of delivered messages, the others as answer frames.

import type {Delivery, DeliveryOrigin} from '../relay/user.js';
import type {AnswerFrame} from './host-frames.js';

/** A message that came on this host's channel: `seq` is the sending host's number for it, which
 * the answer names (undefined: answer by id). */
export type RoutedDelivery = Delivery & {readonly seq: number | undefined};

export type AnswerSink = {
	answer(host: string, answer: AnswerFrame): void;
	delivered(host: string, seq: number): void;
};

function seqOf(delivery: Delivery): number | undefined {
	return (delivery as Partial<RoutedDelivery>).seq;
}

export class HostOrigin implements DeliveryOrigin {
	readonly host: string;
	readonly #sink: AnswerSink;

	constructor(host: string, sink: AnswerSink) {
		this.host = host;
		this.#sink = sink;
	}

	handedOver(delivery: Delivery): void {
		const seq = seqOf(delivery);
		if (seq === undefined) this.#answer(delivery, 'd', '', '');
		else this.#sink.delivered(this.host, seq);
	}

	held(delivery: Delivery): void {
		this.#answer(delivery, 'h', '', '');
	}

	stored(delivery: Delivery): void {
		this.#answer(delivery, 's', '', '');
	}

	dropped(delivery: Delivery, code: string, reason: string): void {
		this.#answer(delivery, 'f', code, reason);
	}

	#answer(delivery: Delivery, outcome: AnswerFrame['outcome'], code: string, reason: string): void {
		const seq = seqOf(delivery);
		this.#sink.answer(this.host, {kind: 'a', seq, id: delivery.id, outcome, code, reason});
	}
}

/** The host whose sender hears what became of `delivery`: its origin's, else `self`. */
export function originHost(delivery: Delivery, self: string): string {
	return delivery.origin instanceof HostOrigin ? delivery.origin.host : self;
}
