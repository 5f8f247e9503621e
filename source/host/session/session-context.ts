// What a logged-in user's lines need of the host: the users to find a recipient in, and the relay
// to hand a message to. start-host.ts builds one for the host.

import type {Relay} from '../relay/relay.js';
import type {UserState} from '../relay/user-state.js';

export type SessionContext = {
	readonly users: Pick<UserState, 'find' | 'follow'>;
	readonly relay: Pick<Relay, 'deliver'>;
};
