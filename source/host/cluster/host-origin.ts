// The DeliveryOrigin of a message stamped by another host of the cluster (or by this one, for a
// message that waited in Redis): its results go back to that host as answer frames.

import type {Delivery, DeliveryOrigin} from '../relay/user.js';
import type {AnswerFrame} from './cluster-frames.js';

export type AnswerSink = (host: string, answer: AnswerFrame) => void;

export class HostOrigin implements DeliveryOrigin {
	readonly host: string;
	readonly #answer: AnswerSink;

	constructor(host: string, answer: AnswerSink) {
		this.host = host;
		this.#answer = answer;
	}

	handedOver(delivery: Delivery): void {
		this.#answer(this.host, {kind: 'a', id: delivery.id, outcome: 'd', code: '', reason: ''});
	}

	held(delivery: Delivery): void {
		this.#answer(this.host, {kind: 'a', id: delivery.id, outcome: 'h', code: '', reason: ''});
	}

	stored(delivery: Delivery): void {
		this.#answer(this.host, {kind: 'a', id: delivery.id, outcome: 's', code: '', reason: ''});
	}

	dropped(delivery: Delivery, code: string, reason: string): void {
		this.#answer(this.host, {kind: 'a', id: delivery.id, outcome: 'f', code, reason});
	}
}

/** The host whose sender hears what became of `delivery`: its origin's, else `self`. */
export function originHost(delivery: Delivery, self: string): string {
	return delivery.origin instanceof HostOrigin ? delivery.origin.host : self;
}
