/**
 * How a row's status follows its edits, and where "confirm and go to the next unconfirmed" lands.
 */

import type { SegmentStatus } from './types';

/**
 * Statuses that count as done for navigation. Only approval does: a reviewed row still awaits
 * approval, and a rejected one needs work.
 */
export const CONFIRMED_STATUSES: readonly SegmentStatus[] = ['approved'];

export function isConfirmed(status: SegmentStatus): boolean {
  return CONFIRMED_STATUSES.includes(status);
}

/**
 * The status after the target text changed to `newTarget`; call it only for real changes.
 *
 * - Any edit of a reviewed, approved or rejected row reopens it as `edited`: the decision was about
 *   a text that no longer exists.
 * - An `edited` row whose text is brought back to exactly the MT is `mt` again, so "MT-unedited"
 *   filters and effort figures stay truthful. With no MT (`null`), clearing the text counts as
 *   going back to it.
 * - An `mt` row becomes `edited` as soon as its text differs from the MT.
 */
export function statusAfterEdit(
  status: SegmentStatus,
  mt: string | null,
  newTarget: string,
): SegmentStatus {
  const backToMt = newTarget === (mt ?? '');
  switch (status) {
    case 'mt':
    case 'edited':
      return backToMt ? 'mt' : 'edited';
    case 'reviewed':
    case 'approved':
    case 'rejected':
      return 'edited';
  }
}

/**
 * The first row after `from` that is not confirmed, searching to the end and then from the top,
 * ending with `from` itself; null when every row is confirmed. `from = -1` finds the first one.
 */
export function nextUnconfirmed(
  segments: readonly { status: SegmentStatus }[],
  from: number,
): number | null {
  const count = segments.length;
  if (count === 0) return null;
  // Out-of-range starts behave like the nearest end: the search then covers every row from the top.
  const base = Number.isFinite(from) ? Math.min(Math.max(Math.trunc(from), -1), count - 1) : -1;
  for (let step = 1; step <= count; step++) {
    const index = (base + step) % count;
    const segment = segments[index];
    if (segment && !isConfirmed(segment.status)) return index;
  }
  return null;
}
