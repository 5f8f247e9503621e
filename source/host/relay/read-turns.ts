// A pause of all reading until the event loop turns (docs/cluster.md "Routing"). The cluster's
// routing asks for one when it seals a payload for another host: node-redis writes the PUBLISH
// when the loop turns, so the host sends it before reading on; and each sender's next lines go
// into a payload together in the next turn, where otherwise every other sender read in this turn
// would put one line into the next payload, and the receiving host would write each of their
// recipients once a payload for a single line (bench/README.md, "Cluster").

export class ReadTurns {
	#next: Promise<void> | undefined;

	/** Set while reading waits for the loop to turn: the connections hold their lines until then. */
	get waiting(): Promise<void> | undefined {
		return this.#next;
	}

	/** No connection handles another line before the event loop turns. */
	endTurn(): void {
		this.#next ??= new Promise((resolve) => {
			setImmediate(() => {
				this.#next = undefined;
				resolve();
			});
		});
	}
}
