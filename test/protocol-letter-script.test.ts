import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import process from 'node:process';
import {test} from 'node:test';
import fc from 'fast-check';
import {scriptsOf} from '../source/protocol/letter-script.js';

const moduleUrl = new URL('../source/protocol/letter-script.ts', import.meta.url);

test('a letter belongs to its own script', () => {
	assert.deepEqual(scriptsOf('a'), ['Latin']);
	assert.deepEqual(scriptsOf('ж'), ['Cyrillic']);
	assert.deepEqual(scriptsOf('λ'), ['Greek']);
	assert.deepEqual(scriptsOf('张'), ['Han']);
	assert.deepEqual(scriptsOf('さ'), ['Hiragana']);
	assert.deepEqual(scriptsOf('김'), ['Hangul']);
	assert.deepEqual(scriptsOf('ক'), ['Bengali']);
	assert.deepEqual(scriptsOf('ᚠ'), ['Runic']);
});

test('a shared letter or mark lists the scripts it is used with', () => {
	const prolonged = scriptsOf('ー');
	assert.ok(prolonged.includes('Hiragana') && prolonged.includes('Katakana'));
	assert.ok(!prolonged.includes('Latin'));
});

test('a character of no particular script fits any', () => {
	assert.deepEqual(scriptsOf('\u20D0'), []); // a combining harpoon
	assert.deepEqual(scriptsOf('ʻ'), []); // the Hawaiian ʻokina
	assert.deepEqual(scriptsOf('1'), []);
});

test('script names read as words', () => {
	assert.deepEqual(scriptsOf('ᐁ'), ['Canadian Aboriginal']);
});

/** The script names letter-script.ts lists, read from its source. */
function listedScriptNames(): string[] {
	const source = readFileSync(moduleUrl, 'utf8');
	const list = /const SCRIPT_NAMES =\s*`([^`]*)`/.exec(source)?.[1] ?? '';
	return list.split(/\s+/).filter((name) => name !== '');
}

/** scriptsOf as it was when every pattern was compiled as the module loaded. */
function eagerScriptsOf(): (character: string) => string[] {
	const scripts = listedScriptNames().flatMap((name) => {
		try {
			return [
				{
					name: name.replaceAll('_', ' '),
					script: new RegExp(`^\\p{Script=${name}}`, 'u'),
					extensions: new RegExp(`^\\p{Script_Extensions=${name}}`, 'u'),
				},
			];
		} catch {
			return [];
		}
	});
	return (character) => {
		for (const {name, script} of scripts) if (script.test(character)) return [name];
		return scripts.filter(({extensions}) => extensions.test(character)).map(({name}) => name);
	};
}

test('compiled on first use, it answers as the eager version did for every code point', () => {
	const eager = eagerScriptsOf();
	assert.ok(listedScriptNames().length > 150);
	fc.assert(
		fc.property(fc.integer({min: 0, max: 0x10_ff_ff}), (codePoint) => {
			const character = String.fromCodePoint(codePoint);
			assert.deepEqual(scriptsOf(character), eager(character));
		}),
		{numRuns: 5000},
	);
	for (const character of ['a', 'ー', '\u0951', 'ʻ', '1', 'ᐁ', '\u{1E900}', '\u{16A0}']) {
		assert.deepEqual(scriptsOf(character), eager(character), character);
	}
});

test('loading it compiles no script pattern; a Latin letter compiles only Latin', () => {
	// A fresh process, with RegExp counting the script patterns made.
	const script = `
		let made = 0;
		globalThis.RegExp = new Proxy(RegExp, {
			construct(target, args) {
				if (String(args[0]).includes('\\\\p{Script')) made++;
				return Reflect.construct(target, args);
			},
		});
		const {scriptsOf} = await import(${JSON.stringify(moduleUrl.href)});
		const atLoad = made;
		scriptsOf('a');
		console.log(JSON.stringify({atLoad, afterLatin: made}));
	`;
	const output = execFileSync(
		process.execPath,
		['--import', 'tsx', '--input-type=module', '--eval', script],
		{encoding: 'utf8'},
	);
	assert.deepEqual(JSON.parse(output), {atLoad: 0, afterLatin: 2});
});
