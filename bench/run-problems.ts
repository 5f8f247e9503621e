// Turns a run's counters into the problems that fail the bench (lost messages, crashes …).
export type RunOutcome = {lost: number; faults: number; problem?: string};

export function outcomeProblems(what: string, outcome: RunOutcome): string[] {
	const problems: string[] = [];
	if (outcome.problem) problems.push(`${what}: ${outcome.problem}`);
	if (outcome.lost > 0) problems.push(`${what}: ${outcome.lost} messages lost`);
	if (outcome.faults > 0) {
		problems.push(
			`${what}: ${outcome.faults} messages failed, out of order, or answered by an error`,
		);
	}
	return problems;
}
