// Ink 6 draws every frame from scratch: each line on the screen is split into graphemes and
// styled cells (`OutputCaches.getStyledChars`) and measured (`getStringWidth`) again, though the
// caches that hold the results are made afresh for each frame, and each row of cells is written
// back into a string (`Output.get`). A new message changes a line or two of a screen of forty, so
// most of that work repeats what the last frame did. This keeps the results across frames,
// bounded (kept-across-frames.ts), and rows by what was written into them (ink-output-rows.ts),
// so a frame costs about the lines that changed.
//
// Ink offers no hook for this: its Output class is reached by its file, and the wrap is checked
// against the shape of Ink 6.8 (the last release for Node 20, pinned in package.json). Should
// that shape change, nothing is wrapped and Ink draws as it always did (test/ink-line-cache.test.tsx
// fails first, to say so). The cached cells are only ever read by Ink: the same line gives cells
// equal to the ones it would make, which that test also checks frame by frame.
import Output from '../../node_modules/ink/build/output.js';
import {outputWithRowsKept, type InkOutput} from './ink-output-rows.js';
import {keptAcrossFrames} from './kept-across-frames.js';

type Lookup<Value> = (this: unknown, text: string) => Value;
type CachesPrototype = Record<'getStyledChars' | 'getStringWidth', Lookup<unknown>>;
type OutputPrototype = {get: (this: InkOutput) => {output: string; height: number}};

function cachesPrototype(): CachesPrototype | undefined {
	const probe = new Output({width: 0, height: 0}) as unknown as {caches?: object};
	const prototype: unknown = probe.caches && Object.getPrototypeOf(probe.caches);
	if (typeof prototype !== 'object' || prototype === null) return undefined;
	const {getStyledChars, getStringWidth, getWidestLine} = prototype as Partial<
		CachesPrototype & {getWidestLine: unknown}
	>;
	if (
		typeof getStyledChars !== 'function' ||
		typeof getStringWidth !== 'function' ||
		typeof getWidestLine !== 'function'
	)
		return undefined;
	return prototype as CachesPrototype;
}

/** Output's prototype, when an Output has the fields its `get` reads (ink-output-rows.ts). */
function outputPrototype(): OutputPrototype | undefined {
	const probe = new Output({width: 0, height: 0}) as unknown as Partial<InkOutput>;
	const shaped =
		typeof probe.width === 'number' &&
		typeof probe.height === 'number' &&
		Array.isArray(probe.operations);
	const prototype = Object.getPrototypeOf(probe) as Partial<OutputPrototype>;
	return shaped && typeof prototype.get === 'function' ? (prototype as OutputPrototype) : undefined;
}

/**
 * Keeps Ink's per-line work across frames, from now on. Returns a function that puts Ink's own
 * methods back, or undefined when this Ink is not the shape it was written for.
 */
export function keepInkLinesAcrossFrames(): (() => void) | undefined {
	const prototype = cachesPrototype();
	const output = outputPrototype();
	if (!prototype || !output) return undefined;
	const own = {
		getStyledChars: prototype.getStyledChars,
		getStringWidth: prototype.getStringWidth,
		get: output.get,
	};
	prototype.getStyledChars = keptAcrossFrames(own.getStyledChars);
	prototype.getStringWidth = keptAcrossFrames(own.getStringWidth);
	output.get = function (this: InkOutput) {
		return outputWithRowsKept(this);
	};
	return () => {
		prototype.getStyledChars = own.getStyledChars;
		prototype.getStringWidth = own.getStringWidth;
		output.get = own.get;
	};
}
