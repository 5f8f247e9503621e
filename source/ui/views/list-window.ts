// Which rows of a user list longer than its column are shown, and how many are left out above
// and below (the `↑ 3 more` / `↓ 12 more` marks, each taking a row). The current partner stays
// in view.

export type ListWindow = {start: number; end: number; above: number; below: number};

/** Fewer rows than this leave no room for a mark beside a name: the list is just cut. */
const MIN_ROWS_WITH_MARKS = 3;

export function listWindow(count: number, current: number, height: number): ListWindow {
	if (count <= height) return {start: 0, end: count, above: 0, below: 0};
	const target = Math.max(0, current);
	if (height < MIN_ROWS_WITH_MARKS) {
		const start = Math.max(0, Math.min(target - height + 1, count - height));
		return {start, end: start + height, above: 0, below: 0};
	}
	// The top of the list: one mark, below.
	if (target < height - 1) return {start: 0, end: height - 1, above: 0, below: count - height + 1};
	// The bottom of the list: one mark, above.
	if (target >= count - (height - 1)) {
		const start = count - (height - 1);
		return {start, end: count, above: start, below: 0};
	}
	// In between: both marks, the current row last above the lower one.
	const end = target + 1;
	const start = end - (height - 2);
	return {start, end, above: start, below: count - end};
}
