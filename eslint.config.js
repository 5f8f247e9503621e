import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/']},
	js.configs.recommended,
	...tseslint.configs.strict,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		languageOptions: {globals: globals.node},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
			'no-control-regex': 'off',
			eqeqeq: 'error',
		},
	},
	{
		files: ['**/*.js'],
		languageOptions: {globals: globals.node},
	},
	{
		files: ['**/*.cjs'],
		languageOptions: {sourceType: 'commonjs', globals: globals.node},
	},
);
