// The first-run form of `chat join` (ink-testing-library): prefilled fields, typing, moving
// between fields, a refused answer named in one line, submit and give up.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {act} from 'react';
import {formAddress} from '../source/join/run-join-form.js';
import type {JoinFormAnswer} from '../source/ui/state/join-form-state.js';
import {JoinForm} from '../source/ui/views/join-form.js';
import {keys, waitUntil} from './helpers/render-chat.js';

// Lets act() wait for Ink's renders and effects, as React's own test renderers do.
Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

function renderForm(initial: JoinFormAnswer) {
	const submitted: JoinFormAnswer[] = [];
	let cancelled = 0;
	const app = render(
		<JoinForm
			initial={initial}
			check={(answer) => {
				const result = formAddress(answer);
				return 'address' in result ? undefined : result;
			}}
			onSubmit={(answer) => submitted.push(answer)}
			onCancel={() => {
				cancelled++;
			}}
		/>,
	);
	const frame = () => app.lastFrame() ?? '';
	return {
		frame,
		submitted,
		cancelled: () => cancelled,
		/**
		 * Presses keys one at a time, as a person types. Each is pressed inside React's act(),
		 * which returns once the form has rendered and run its effects: ink-text-input reads a key
		 * against the value of the handler its last effect set up, so the next key must wait.
		 */
		async press(...inputs: string[]) {
			for (const input of inputs) {
				await act(async () => {
					app.stdin.write(input);
				});
			}
		},
		async waitFor(pattern: RegExp) {
			return waitUntil(
				() => pattern.test(frame()) && frame(),
				`${String(pattern)} in:\n${frame()}`,
			);
		},
		unmount: () => {
			app.unmount();
		},
	};
}

test('the form shows the last answers, and typing adds to the name', async (t) => {
	const form = renderForm({name: 'ali', host: '192.168.1.7:4000'});
	t.after(form.unmount);
	await form.waitFor(/› Name +ali/);
	assert.match(form.frame(), /Host +192\.168\.1\.7:4000/);
	await form.press('c', 'e');
	await form.waitFor(/› Name +alice/);
	// Enter on the name moves to the host; Enter there joins with both.
	await form.press(keys.enter, keys.enter);
	await waitUntil(() => form.submitted.length > 0, 'a submit');
	assert.deepEqual(form.submitted, [{name: 'alice', host: '192.168.1.7:4000'}]);
});

test('Tab moves to the other field, and a bad answer is named and not taken', async (t) => {
	const form = renderForm({name: '', host: 'localhost:21567'});
	t.after(form.unmount);
	await form.waitFor(/Name/);
	await form.press(keys.tab, keys.enter);
	await form.waitFor(/type the name you chat as/);
	// The refusal puts the cursor in the field it is about: the name.
	await form.press('b', 'o', 'b', keys.tab, keys.backspace, keys.backspace, keys.backspace);
	await form.press(keys.backspace, keys.backspace, '0', keys.enter);
	await form.waitFor(/the port must be a number from 1 to 65535, not '0'/);
	assert.deepEqual(form.submitted, []);
	await form.press(keys.backspace, '1', '2', keys.enter);
	await waitUntil(() => form.submitted.length > 0, 'a submit');
	assert.deepEqual(form.submitted, [{name: 'bob', host: 'localhost:12'}]);
});

test('a name the host would refuse is named under the form', async (t) => {
	const form = renderForm({name: 'quit', host: 'localhost'});
	t.after(form.unmount);
	await form.waitFor(/Name +quit/);
	await form.press(keys.enter, keys.enter);
	await form.waitFor(/^quit: /m);
	assert.deepEqual(form.submitted, []);
});

test('keys that come in one read with Enter still move on; Esc gives up', async (t) => {
	const form = renderForm({name: '', host: 'localhost:21567'});
	t.after(form.unmount);
	await form.waitFor(/Name/);
	await form.press('carol\r');
	await form.waitFor(/Name +carol\n/);
	await form.press('\r');
	await waitUntil(() => form.submitted.length > 0, 'a submit');
	assert.deepEqual(form.submitted, [{name: 'carol', host: 'localhost:21567'}]);

	const other = renderForm({name: 'dave', host: 'localhost'});
	t.after(other.unmount);
	await other.waitFor(/Name +dave/);
	await other.press(keys.escape);
	await waitUntil(() => other.cancelled() > 0, 'a cancel');
	assert.deepEqual(other.submitted, []);
});

test('formAddress: the address chat join is given, an empty host meaning this machine', () => {
	assert.deepEqual(formAddress({name: 'alice', host: '[fd00::2]:4000'}), {
		address: 'alice@[fd00::2]:4000',
	});
	assert.deepEqual(formAddress({name: 'alice', host: ''}), {address: 'alice@localhost:21567'});
	assert.equal((formAddress({name: 'a@b', host: 'x'}) as {field: string}).field, 'name');
});
