// The terminal's size, re-read on every resize: Ink 6 has no hook for it.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

type TerminalSize = {columns: number; rows: number};

/** What to assume when the output is not a terminal and reports no size. */
const FALLBACK_SIZE: TerminalSize = {columns: 80, rows: 24};

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
	return {
		columns: stdout.columns || FALLBACK_SIZE.columns,
		rows: stdout.rows || FALLBACK_SIZE.rows,
	};
}

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const update = () => {
			setSize((previous) => {
				const next = sizeOf(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};
		update();
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
}
