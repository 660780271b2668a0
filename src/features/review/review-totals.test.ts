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
    pending: 0,
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

  describe('a slice at a time', () => {
    const manyChanged = () => {
      const rows = rowsOf(40).map((row, i) =>
        i % 3 === 0
          ? { ...row, status: 'edited' as const, target: `row ${i} fixed by hand!` }
          : row,
      );
      rows[1] = { ...rows[1]!, status: 'approved' };
      return rows;
    };

    it('with no time to spare checks one row a call and counts every status at once', () => {
      const rows = manyChanged();
      const { totals, flagged } = counter();
      const first = totals.count(rows, 0);
      expect(flagged).toHaveBeenCalledTimes(1);
      expect(first).toMatchObject({ total: 40, approved: 1, edited: 15, pending: 39 });
      expect(totals.count(rows, 0).pending).toBe(38);
    });

    it('comes to the same figures as counting at once', () => {
      const rows = manyChanged();
      const { totals, flagged } = counter();
      let result = totals.count(rows, 0);
      let calls = 1;
      while (result.pending > 0) {
        result = totals.count(rows, 0);
        calls++;
      }
      expect(calls).toBe(40);
      expect(flagged).toHaveBeenCalledTimes(40);
      expect(result).toEqual(recount(rows));
    });

    it('keeps a row changed again before its turn waiting, and takes back its old check', () => {
      let rows = manyChanged();
      const { totals } = counter();
      while (totals.count(rows).pending > 0);
      rows = rows.slice();
      rows[0] = { ...rows[0]!, target: 'row 0 fixed again, calmly.' };
      rows[30] = { ...rows[30]!, target: 'row 30 fixed again!' };
      expect(totals.count(rows, 0)).toMatchObject({ pending: 1 });
      expect(totals.count(rows, 0)).toEqual(recount(rows));
    });

    it('tells whether a row as it is now was flagged, and nothing about one not checked yet', () => {
      const rows = manyChanged();
      const { totals } = counter();
      totals.count(rows, 0);
      expect(totals.flagged(rows[0]!, 0)).toBe(true);
      expect(totals.flagged(rows[2]!, 2)).toBeUndefined();
      totals.count(rows);
      expect(totals.flagged(rows[2]!, 2)).toBe(false);
      expect(totals.flagged({ ...rows[2]! }, 2)).toBeUndefined();
    });
  });
});
