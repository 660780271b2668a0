/**
 * The review's figures, counted after each commit rather than inside the render: a few rows (a
 * keystroke, one arriving translation) are counted at once, while hundreds of changed rows are
 * counted a slice at a time between frames, so scrolling and typing never wait for a whole batch
 * of QA checks.
 */
import { useEffect, useState } from 'react';
import type { ReviewTotals, TotalsCounter, TotalsRow } from './review-totals';

/** One slice of counting: short enough that a frame still fits beside it. */
export const TOTALS_SLICE_MS = 8;
/**
 * While rows wait to be counted, the figures shown catch up this often (each update re-renders
 * the workspace and is read out by the summary's live region). A count that finishes sooner is
 * shown once, finished: a batch of arriving translations does not flash "checking".
 */
export const TOTALS_PUBLISH_MS = 500;

const sameTotals = (a: ReviewTotals, b: ReviewTotals) =>
  a.total === b.total &&
  a.approved === b.approved &&
  a.edited === b.edited &&
  a.flagged === b.flagged &&
  a.effort === b.effort &&
  (a.pending === 0) === (b.pending === 0);

export function useReviewTotals<R extends TotalsRow>(
  counter: TotalsCounter<R>,
  rows: readonly R[],
): ReviewTotals {
  const [totals, setTotals] = useState<ReviewTotals>(() => counter.count(rows, TOTALS_SLICE_MS));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let published = performance.now();
    const step = () => {
      const next = counter.count(rows, TOTALS_SLICE_MS);
      const now = performance.now();
      if (next.pending === 0 || now - published >= TOTALS_PUBLISH_MS) {
        published = now;
        setTotals((shown) => (sameTotals(shown, next) ? shown : next));
      }
      if (next.pending > 0) timer = setTimeout(step, 0);
    };
    step();
    return () => clearTimeout(timer);
  }, [counter, rows]);
  return totals;
}
