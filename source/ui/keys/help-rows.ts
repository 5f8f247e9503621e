// The contents of the help overlay: the keymap table and the input commands, nothing typed twice.
import {INPUT_COMMANDS} from './input-command.js';
import {bindingLabel, keymap, type Binding} from './keymap.js';

type HelpRow = {keys: string; description: string} | {heading: string};

const rowOf = (binding: Binding): HelpRow => ({
	keys: bindingLabel(binding),
	description: binding.description,
});

export const helpRows: readonly HelpRow[] = [
	{heading: 'Keys'},
	...keymap.filter((binding) => binding.group === 'chat').map(rowOf),
	{heading: 'Commands'},
	...INPUT_COMMANDS.map((command) => ({keys: command.syntax, description: command.description})),
	{heading: 'Editing'},
	...keymap.filter((binding) => binding.group === 'editing').map(rowOf),
];
