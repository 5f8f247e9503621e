// A roster snapshot after the login (docs/protocol.md "Host → client": `USERS … USERS-END` in
// place of a storm of presence news) replaces the client's list of who is online: in the
// structured client over TCP, in the chat screen's state, and in line mode.

import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {createLineModeState, handleClientEvent} from '../source/join/line-mode-rules.js';
import {createStructuredClient} from '../source/client/structured-client.js';
import {recordClientEvents} from './helpers/client-event-log.js';
import {events, message, welcomed} from './helpers/chat-state-driver.js';

/** A host that answers a HELLO with `script`, written after the login roster. */
async function scriptedHost(script: string[]): Promise<{port: number; close(): void}> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.once('data', () => {
			socket.write(
				['WELCOME alice token 60', 'USERS alice bob carol', 'USERS-END', ...script, ''].join('\n'),
			);
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		port: (server.address() as net.AddressInfo).port,
		close() {
			for (const socket of sockets) socket.destroy();
			server.close();
		},
	};
}

test('the structured client turns a later USERS … USERS-END into one roster event', async (t) => {
	const host = await scriptedHost([
		'JOIN dave',
		'USERS alice bob',
		'USERS erin',
		'USERS-END',
		'AWAY erin',
		'LEAVE bob',
	]);
	const client = createStructuredClient({
		address: {host: '127.0.0.1', port: host.port},
		name: 'alice',
	});
	const log = recordClientEvents(client);
	t.after(() => {
		log.stop();
		void client.quit();
		host.close();
	});
	assert.deepEqual((await log.next('welcome')).users, ['alice', 'bob', 'carol']);
	await log.next('user-left');
	const kinds = log.events
		.filter((event) => event.type !== 'state')
		.map((event) =>
			'users' in event
				? `${event.type} ${event.users.join(',')}`
				: `${event.type} ${'name' in event ? event.name : ''}`,
		);
	assert.deepEqual(kinds, [
		'welcome alice,bob,carol',
		'user-joined dave',
		'roster alice,bob,erin',
		'user-away erin',
		'user-left bob',
	]);
});

test('in the chat screen a snapshot replaces the list; an open conversation stays, offline', () => {
	let state = events(welcomed(['bob', 'carol']), message('carol', 'hi'));
	state = events(state, {type: 'roster', users: ['alice', 'bob', 'dave']});
	assert.deepEqual(state.users, ['carol', 'bob', 'dave'], 'the open conversation first');
	assert.equal(state.presence.get('carol'), 'offline');
	assert.equal(state.presence.get('dave'), 'online');
	assert.equal(state.presence.has('alice'), false, 'you are not in your own list');
	state = events(state, {type: 'user-away', name: 'dave'});
	assert.equal(state.presence.get('dave'), 'away');
});

test('in line mode a snapshot is who to: can reach', () => {
	const state = createLineModeState('alice', true);
	handleClientEvent(state, {type: 'welcome', name: 'alice', users: ['alice', 'bob']});
	handleClientEvent(state, {type: 'roster', users: ['alice', 'carol']});
	assert.deepEqual([...state.users.values()], ['alice', 'carol']);
});
