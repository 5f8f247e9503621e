// `/reconnect`: each request the state counts asks the client to try the host now.
import {useEffect, useRef} from 'react';
import type {ChatClient} from '../../client/chat-client.js';

export function useReconnect(client: ChatClient, requests: number): void {
	const done = useRef(requests);
	useEffect(() => {
		if (requests === done.current) return;
		done.current = requests;
		client.reconnect();
	}, [client, requests]);
}
