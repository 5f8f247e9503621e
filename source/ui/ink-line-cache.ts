// Ink 6 draws every frame from scratch: each line on the screen is split into graphemes and
// styled cells (`OutputCaches.getStyledChars`) and measured (`getStringWidth`) again, though the
// caches that hold the results are made afresh for each frame. A new message changes a line or
// two of a screen of forty, so most of that work repeats what the last frame did. This keeps the
// results across frames, bounded, so a frame costs about the lines that changed.
//
// Ink offers no hook for this: its Output class is reached by its file, and the wrap is checked
// against the shape of Ink 6.8 (the last release for Node 20, pinned in package.json). Should
// that shape change, nothing is wrapped and Ink draws as it always did (test/ink-line-cache.test.tsx
// fails first, to say so). The cached cells are only ever read by Ink: the same line gives cells
// equal to the ones it would make, which that test also checks frame by frame.
import Output from '../../node_modules/ink/build/output.js';

/**
 * Lines kept per generation. A screen holds some forty lines and a few dozen more pieces (names,
 * the status bar); two generations keep the last few screens' worth, so paging back and forth
 * stays cached, while a styled line of a wide terminal costs some kilobytes: the bound keeps the
 * cache to a few megabytes whatever the history holds.
 */
export const LINES_KEPT_PER_GENERATION = 512;

type Lookup<Value> = (this: unknown, text: string) => Value;
type CachesPrototype = Record<'getStyledChars' | 'getStringWidth', Lookup<unknown>>;

/** Two generations: a hit in the older one moves to the newer; a full newer one ages the other out. */
export function keptAcrossFrames<Value>(lookup: Lookup<Value>): Lookup<Value> {
	let newer = new Map<string, Value>();
	let older = new Map<string, Value>();
	return function (this: unknown, text: string): Value {
		let value = newer.get(text);
		if (value !== undefined) return value;
		value = older.get(text) ?? lookup.call(this, text);
		if (newer.size >= LINES_KEPT_PER_GENERATION) {
			older = newer;
			newer = new Map();
		}
		newer.set(text, value);
		return value;
	};
}

function cachesPrototype(): CachesPrototype | undefined {
	const probe = new Output({width: 0, height: 0}) as unknown as {caches?: object};
	const prototype: unknown = probe.caches && Object.getPrototypeOf(probe.caches);
	if (typeof prototype !== 'object' || prototype === null) return undefined;
	const {getStyledChars, getStringWidth} = prototype as Partial<CachesPrototype>;
	if (typeof getStyledChars !== 'function' || typeof getStringWidth !== 'function')
		return undefined;
	return prototype as CachesPrototype;
}

/**
 * Keeps Ink's per-line work across frames, from now on. Returns a function that puts Ink's own
 * methods back, or undefined when this Ink is not the shape it was written for.
 */
export function keepInkLinesAcrossFrames(): (() => void) | undefined {
	const prototype = cachesPrototype();
	if (!prototype) return undefined;
	const own = {getStyledChars: prototype.getStyledChars, getStringWidth: prototype.getStringWidth};
	prototype.getStyledChars = keptAcrossFrames(own.getStyledChars);
	prototype.getStringWidth = keptAcrossFrames(own.getStringWidth);
	return () => {
		prototype.getStyledChars = own.getStyledChars;
		prototype.getStringWidth = own.getStringWidth;
	};
}
