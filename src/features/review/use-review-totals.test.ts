import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SegmentStatus } from '../../domain/review/types';
import { TotalsCounter } from './review-totals';
import { TOTALS_SLICE_MS, useReviewTotals } from './use-review-totals';

interface Row {
  index: number;
  status: SegmentStatus;
  mt: string | null;
  target: string;
}

const rowsOf = (count: number, flaggedEvery: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    index,
    status: index === 1 ? 'approved' : 'mt',
    mt: `row ${index}`,
    target: index % flaggedEvery === 0 ? `row ${index}!` : `row ${index}`,
  }));

/** Each check takes half a slice on a clock that only the checks move. */
function slowCounter() {
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const flagged = vi.fn((row: Row) => {
    clock += TOTALS_SLICE_MS / 2;
    return row.target.endsWith('!');
  });
  return { counter: new TotalsCounter<Row>(flagged, () => ({ weight: 0, weighted: 0 })), flagged };
}

afterEach(() => vi.restoreAllMocks());

describe('useReviewTotals', () => {
  it('shows the statuses at once and the warnings as the slices get through them', async () => {
    const { counter, flagged } = slowCounter();
    const rows = rowsOf(60, 4);
    const seen: number[] = [];
    const { result } = renderHook(() => {
      const totals = useReviewTotals(counter, rows);
      seen.push(totals.pending);
      return totals;
    });
    // The first render checked one slice (two rows) and no more.
    expect(seen[0]).toBe(58);
    expect(result.current).toMatchObject({ total: 60, approved: 1 });
    await waitFor(() => expect(result.current.pending).toBe(0));
    expect(result.current).toMatchObject({ total: 60, approved: 1, flagged: 15 });
    // Every row was checked once, however many slices it took.
    expect(flagged).toHaveBeenCalledTimes(60);
  });

  it('counts a changed row after the render that brought it', async () => {
    const { counter, flagged } = slowCounter();
    let rows = rowsOf(6, 100);
    const { result, rerender } = renderHook(({ list }) => useReviewTotals(counter, list), {
      initialProps: { list: rows },
    });
    await waitFor(() => expect(result.current.pending).toBe(0));
    expect(result.current.flagged).toBe(1);
    flagged.mockClear();
    rows = rows.slice();
    rows[3] = { ...rows[3]!, status: 'edited', target: 'row 3 fixed!' };
    act(() => rerender({ list: rows }));
    await waitFor(() => expect(result.current).toMatchObject({ flagged: 2, edited: 2 }));
    expect(flagged).toHaveBeenCalledTimes(1);
  });

  it('does not flash "checking" for a batch counted within a moment', async () => {
    const { counter } = slowCounter();
    let rows = rowsOf(40, 100);
    const seen: number[] = [];
    const { result, rerender } = renderHook(
      ({ list }) => {
        const totals = useReviewTotals(counter, list);
        seen.push(totals.pending);
        return totals;
      },
      { initialProps: { list: rows } },
    );
    await waitFor(() => expect(result.current.pending).toBe(0));
    seen.length = 0;
    // Ten rows take five slices: well within the time before a partial count is shown.
    rows = rows.map((row, i) => (i < 10 ? { ...row, target: `${row.target}!` } : row));
    act(() => rerender({ list: rows }));
    await waitFor(() => expect(result.current.flagged).toBe(10));
    expect(seen.every((pending) => pending === 0)).toBe(true);
  });
});
