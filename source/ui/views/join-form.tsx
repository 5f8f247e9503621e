// The first-run form of `chat join`: a name, and a host with its port, each an ink-text-input
// field. Enter on the name moves on, Enter on the host joins; Tab, Up and Down change field;
// Esc or Ctrl+C gives up. The caller says what a valid answer is (`check`).

import {Box, Text, useInput} from 'ink';
import TextInput from 'ink-text-input';
import {useEffect, useReducer} from 'react';
import {
	type JoinFormAnswer,
	type JoinFormCheck,
	type JoinFormField,
	createJoinFormState,
	joinFormReducer,
} from '../state/join-form-state.js';

type JoinFormProps = {
	initial: JoinFormAnswer;
	check: JoinFormCheck;
	onSubmit(answer: JoinFormAnswer): void;
	onCancel(): void;
};

const FIELDS: ReadonlyArray<{field: JoinFormField; label: string; placeholder: string}> = [
	{field: 'name', label: 'Name', placeholder: 'your name, for example alice'},
	{field: 'host', label: 'Host', placeholder: 'HOST:PORT, for example 192.168.1.7:21567'},
];

/** Control characters, which a field never keeps. */
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** Beside the field that takes the keys, so it shows without colour too. */
const FOCUS_MARK = '›';

/** The mark, a space, the widest label and a space. */
const LABEL_WIDTH = 8;

export function JoinForm({initial, check, onSubmit, onCancel}: JoinFormProps) {
	const [state, dispatch] = useReducer(joinFormReducer, initial, createJoinFormState);
	const {submitted} = state;

	useEffect(() => {
		if (submitted !== undefined) onSubmit(submitted);
	}, [submitted, onSubmit]);

	useInput((input, key) => {
		if (key.escape || (key.ctrl && input === 'c')) onCancel();
		else if (key.tab || key.upArrow || key.downArrow) dispatch({type: 'other-field'});
	});

	return (
		<Box flexDirection="column">
			<Text bold>Join a chat host</Text>
			{FIELDS.map(({field, label, placeholder}) => (
				<Box key={field}>
					<Box width={LABEL_WIDTH} flexShrink={0}>
						<Text color={state.focus === field ? 'cyan' : undefined}>
							{state.focus === field ? FOCUS_MARK : ' '} {label}
						</Text>
					</Box>
					<TextInput
						value={state[field]}
						focus={state.focus === field && submitted === undefined}
						placeholder={placeholder}
						onChange={(value) => {
							// Keys that come in one read with Enter ("alice\r", a paste) arrive as
							// text: the field keeps the text, and the Enter still counts.
							dispatch({type: 'edit', field, value: value.replaceAll(CONTROL, '')});
							if (/[\r\n]/.test(value)) dispatch({type: 'enter', check});
						}}
						onSubmit={() => {
							dispatch({type: 'enter', check});
						}}
					/>
				</Box>
			))}
			<Text dimColor>Enter: next, then join · Tab: other field · Esc: give up</Text>
			{state.error === undefined ? undefined : <Text color="red">{state.error}</Text>}
		</Box>
	);
}
