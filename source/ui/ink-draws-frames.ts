// Ink reads CI and CONTINUOUS_INTEGRATION once, when it is first imported, and in "CI" it draws
// no frames until the app ends. A person at a terminal with CI=true exported (dev containers and
// CI shells do this) would stare at a blank screen, so the full-screen client clears them first.
// Import and call this before anything imports Ink.
import process from 'node:process';

/** The variables Ink's `is-in-ci` dependency reads. */
export const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

export function letInkDrawFrames(): void {
	for (const name of CI_VARIABLES) Reflect.deleteProperty(process.env, name);
}
