// The first-run form of `chat join` (name, host with port) as state and pure updates; the view
// (views/join-form.tsx) renders it, and whoever shows it says what a valid answer is. Keys are
// actions on this reducer, so back-to-back keys never act on a stale render.

export type JoinFormField = 'name' | 'host';

export type JoinFormAnswer = {name: string; host: string};

/** What is wrong with an answer, and in which field. */
export type JoinFormProblem = {field: JoinFormField; error: string};

export type JoinFormCheck = (answer: JoinFormAnswer) => JoinFormProblem | undefined;

export type JoinFormState = JoinFormAnswer & {
	focus: JoinFormField;
	/** Why the last submit was not taken, as one sentence. */
	error: string | undefined;
	/** The answer taken; the form is done. */
	submitted: JoinFormAnswer | undefined;
};

export type JoinFormAction =
	| {type: 'edit'; field: JoinFormField; value: string}
	/** Tab, Up, Down: there are two fields, so each moves to the other. */
	| {type: 'other-field'}
	/** Enter: on the name it moves on, on the host it submits. */
	| {type: 'enter'; check: JoinFormCheck};

export function createJoinFormState(initial: JoinFormAnswer): JoinFormState {
	return {...initial, focus: 'name', error: undefined, submitted: undefined};
}

export function joinFormReducer(state: JoinFormState, action: JoinFormAction): JoinFormState {
	if (state.submitted !== undefined) return state;
	switch (action.type) {
		case 'edit': {
			return {...state, [action.field]: action.value};
		}

		case 'other-field': {
			return {...state, focus: state.focus === 'name' ? 'host' : 'name'};
		}

		case 'enter': {
			if (state.focus === 'name') return {...state, focus: 'host'};
			const answer = {name: state.name.trim(), host: state.host.trim()};
			const problem = action.check(answer);
			if (problem === undefined) return {...state, error: undefined, submitted: answer};
			return {...state, focus: problem.field, error: problem.error};
		}
	}
}
