/**
 * Which rows the review shows and where keyboard moves land, as plain functions over row indexes
 * (the `data-segment` numbers, in document order). None of it looks at the DOM: in a long review
 * most rows are not rendered, and moving to one must work all the same.
 */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { nextUnconfirmed } from '../../domain/review/status';
import type { SegmentStatus } from '../../domain/review/types';

export type ReviewFilter = 'all' | 'findings' | 'unconfirmed' | 'comments';

interface FilterableRow {
  index: number;
  status: SegmentStatus;
  comments: readonly unknown[];
}

/**
 * The indexes of the rows `filter` shows. `keep` is shown even when it no longer matches, so the
 * row being worked on (just approved, its finding just fixed) does not vanish under the cursor.
 */
export function filterRows<Row extends FilterableRow>(
  rows: readonly Row[],
  filter: ReviewFilter,
  hasFindings: (row: Row) => boolean,
  keep: number | null = null,
): number[] {
  const shown: number[] = [];
  for (const row of rows) {
    const matches =
      filter === 'findings'
        ? hasFindings(row)
        : filter === 'unconfirmed'
          ? row.status !== 'approved'
          : filter === 'comments'
            ? row.comments.length > 0
            : true;
    if (matches || row.index === keep) shown.push(row.index);
  }
  return shown;
}

/** Where `index` is, or would be inserted, in the ascending list `shown`. */
function insertionPoint(shown: readonly number[], index: number): number {
  let low = 0;
  let high = shown.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((shown[middle] ?? 0) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The position of row `index` in `shown`, or -1. */
export function positionOf(shown: readonly number[], index: number): number {
  const at = insertionPoint(shown, index);
  return shown[at] === index ? at : -1;
}

/**
 * The position of the shown row nearest at or after `index` (a remembered place whose row is no
 * longer shown lands on the next one), the last row past the end; -1 when nothing is shown.
 */
export function nearestPosition(shown: readonly number[], index: number): number {
  if (shown.length === 0) return -1;
  return Math.min(insertionPoint(shown, index), shown.length - 1);
}

/**
 * The row Alt+↓ (`1`) or Alt+↑ (`-1`) moves to from row `from`. From no row, or from one not
 * shown, ↓ goes to the next shown row after it and ↑ to the one before; the ends stay put.
 */
export function stepRow(
  shown: readonly number[],
  from: number | null,
  direction: 1 | -1,
): number | null {
  if (shown.length === 0) return null;
  if (from === null) return shown[0] ?? null;
  const at = insertionPoint(shown, from);
  const exact = shown[at] === from;
  const next = direction === 1 ? (exact ? at + 1 : at) : at - 1;
  return shown[Math.min(Math.max(next, 0), shown.length - 1)] ?? null;
}

/**
 * Where "confirm and go to the next unconfirmed" lands: the next shown row after `from` that is not
 * approved, wrapping to the top; null when every shown row is approved.
 */
export function nextUnconfirmedRow(
  shown: readonly number[],
  statusOf: (index: number) => SegmentStatus | undefined,
  from: number,
): number | null {
  const statuses = shown.map((index) => ({ status: statusOf(index) ?? 'approved' }));
  const at = insertionPoint(shown, from);
  // A row no longer shown searches from where it would be.
  const start = shown[at] === from ? at : at - 1;
  const found = nextUnconfirmed(statuses, start);
  return found === null ? null : (shown[found] ?? null);
}

/**
 * The rows to render: the ones near the viewport, plus `keep` (positions that must stay mounted:
 * the row being edited, the row about to be focused), wherever they are.
 */
export function withKeptRows(range: Range, keep: readonly number[]): number[] {
  const near = defaultRangeExtractor(range);
  const first = near[0] ?? 0;
  const last = near[near.length - 1] ?? -1;
  const extra = keep.filter(
    (position) =>
      Number.isInteger(position) &&
      position >= 0 &&
      position < range.count &&
      (position < first || position > last),
  );
  if (extra.length === 0) return near;
  return [...new Set([...near, ...extra])].sort((a, b) => a - b);
}

/**
 * Whether a row that changed height should move the scroll position by the change, so that what
 * is on screen stays still. A row measured for the first time does when it starts above the top
 * of the screen; a row measured again (its translation or panels changed while it was out of
 * view) does when it lies wholly above the top, whichever way the reviewer is scrolling: rows that
 * come back into view taller than they left must not push the screen's rows down.
 */
export function keepsViewStill(
  row: { start: number; end: number },
  measuredBefore: boolean,
  scrollOffset: number,
): boolean {
  return measuredBefore ? row.end <= scrollOffset : row.start < scrollOffset;
}
