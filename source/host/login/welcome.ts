// What a structured user hears once its name is its own (docs/protocol.md "Host → client"):
// WELCOME with a fresh token, then the roster.

import {encodeRoster, encodeWelcome} from '../../protocol/structured-messages.js';
import type {User} from '../relay/user.js';
import type {LoginContext, LoginLink} from './login-link.js';

export function sendWelcome(context: LoginContext, link: LoginLink, user: User): void {
	const graceSeconds = Math.round(context.settings.resumeGraceMs / 1000);
	// The roster says who is online now: news from before it is not for this connection.
	link.followNews(context.news);
	const {rate, burst} = context.settings;
	const pacing = rate === undefined || burst === undefined ? undefined : {rate, burst};
	link.send(encodeWelcome(user.name, user.resumeToken, graceSeconds, pacing));
	const names: string[] = [];
	for (const each of context.users.users()) names.push(each.name);
	for (const line of encodeRoster(names)) link.send(line);
}
