import { describe, expect, it, vi } from 'vitest';
import { documentEffort, effortShare } from '../../domain/review/effort';
import type { SegmentStatus } from '../../domain/review/types';
import { TotalsCounter } from './review-totals';

interface Row {
  index: number;
  status: SegmentStatus;
  mt: string | null;
  target: string;
}

const rowsOf = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    index,
    status: 'mt',
    mt: `the row number ${index} as the engine wrote it`,
    target: `the row number ${index} as the engine wrote it`,
  }));

const flaggedOf = (row: Row) => row.target.includes('!');

function counter() {
  const flagged = vi.fn(flaggedOf);
  const share = vi.fn((row: Row) => effortShare(row.mt, row.target, 'en'));
  return { totals: new TotalsCounter<Row>(flagged, share), flagged, share };
}

/** What the figures are, counted from scratch. */
function recount(rows: readonly Row[]) {
  const edited = rows.filter((row) => row.status !== 'mt');
  return {
    total: rows.length,
    approved: rows.filter((row) => row.status === 'approved').length,
    edited: edited.length,
    flagged: rows.filter(flaggedOf).length,
    effort: documentEffort(edited, 'en'),
  };
}

describe('TotalsCounter', () => {
  it('counts a review from scratch', () => {
    const rows = rowsOf(50);
    rows[3] = { ...rows[3]!, status: 'approved' };
    rows[7] = { ...rows[7]!, status: 'edited', target: 'a row rewritten by hand!' };
    const { totals } = counter();
    expect(totals.count(rows)).toEqual(recount(rows));
    expect(totals.count(rows)).toMatchObject({ total: 50, approved: 1, edited: 2, flagged: 1 });
  });

  it('recounts only the rows that changed since the last call', () => {
    let rows = rowsOf(10_000);
    const { totals, flagged, share } = counter();
    totals.count(rows);
    flagged.mockClear();
    share.mockClear();
    for (const text of ['the row number 4242 as', 'the row number 4242 as I typed it!']) {
      rows = rows.slice();
      rows[4242] = { ...rows[4242]!, status: 'edited', target: text };
      expect(totals.count(rows)).toEqual(recount(rows));
    }
    expect(flagged).toHaveBeenCalledTimes(2);
    expect(share).toHaveBeenCalledTimes(2);
  });

  it('takes back what a row counted before it changed', () => {
    let rows = rowsOf(20);
    const { totals } = counter();
    rows[5] = { ...rows[5]!, status: 'approved' };
    totals.count(rows);
    rows = rows.slice();
    rows[5] = { ...rows[5]!, status: 'edited', target: 'changed after approval!' };
    expect(totals.count(rows)).toEqual(recount(rows));
    rows = rows.slice();
    rows[5] = rowsOf(20)[5]!;
    expect(totals.count(rows)).toEqual(recount(rows));
    expect(totals.count(rows)).toMatchObject({ approved: 0, edited: 0, flagged: 0, effort: 0 });
  });

  it('starts over when the rows are another document', () => {
    const { totals } = counter();
    totals.count(rowsOf(30));
    const other = rowsOf(12).map((row) => ({ ...row, status: 'approved' as const }));
    expect(totals.count(other)).toEqual(recount(other));
  });
});
