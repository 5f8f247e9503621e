// The host's data folder: $XDG_STATE_HOME/chat, or ~/.local/state/chat.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chatStateDir} from '../source/state-dir.js';

test('the data folder is under XDG_STATE_HOME when it is set', () => {
	assert.equal(chatStateDir({XDG_STATE_HOME: '/srv/state'}, '/home/ann'), '/srv/state/chat');
});

test('the data folder is ~/.local/state/chat by default', () => {
	assert.equal(chatStateDir({}, '/home/ann'), '/home/ann/.local/state/chat');
	assert.equal(chatStateDir({XDG_STATE_HOME: ''}, '/home/ann'), '/home/ann/.local/state/chat');
});

test('a relative XDG_STATE_HOME is ignored, as the XDG spec says', () => {
	assert.equal(chatStateDir({XDG_STATE_HOME: 'state'}, '/home/ann'), '/home/ann/.local/state/chat');
});
