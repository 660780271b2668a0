import { describe, expect, it } from 'vitest';
import type { SegmentStatus } from '../../domain/review/types';
import {
  filterRows,
  keepsViewStill,
  nearestPosition,
  nextUnconfirmedRow,
  positionOf,
  stepRow,
  withKeptRows,
} from './review-navigation';

const row = (index: number, status: SegmentStatus = 'mt', comments: string[] = []) => ({
  index,
  status,
  comments,
});

describe('filterRows', () => {
  const rows = [row(0), row(2, 'approved'), row(3, 'edited', ['c']), row(5, 'approved', ['c'])];
  const flagged = new Set([2, 3]);
  const hasFindings = (r: { index: number }) => flagged.has(r.index);

  it('shows every row for "all" and only matching rows otherwise', () => {
    expect(filterRows(rows, 'all', hasFindings)).toEqual([0, 2, 3, 5]);
    expect(filterRows(rows, 'findings', hasFindings)).toEqual([2, 3]);
    expect(filterRows(rows, 'unconfirmed', hasFindings)).toEqual([0, 3]);
    expect(filterRows(rows, 'comments', hasFindings)).toEqual([3, 5]);
  });

  it('keeps the row being worked on in place after it stops matching', () => {
    expect(filterRows(rows, 'unconfirmed', hasFindings, 2)).toEqual([0, 2, 3]);
    expect(filterRows(rows, 'findings', hasFindings, 0)).toEqual([0, 2, 3]);
  });
});

describe('positions', () => {
  const shown = [1, 4, 9, 12];

  it('finds a shown row and nothing for one not shown', () => {
    expect(positionOf(shown, 9)).toBe(2);
    expect(positionOf(shown, 5)).toBe(-1);
    expect(positionOf([], 0)).toBe(-1);
  });

  it('restores to the row at or after a place, or the last one', () => {
    expect(nearestPosition(shown, 4)).toBe(1);
    expect(nearestPosition(shown, 5)).toBe(2);
    expect(nearestPosition(shown, 0)).toBe(0);
    expect(nearestPosition(shown, 500)).toBe(3);
    expect(nearestPosition([], 3)).toBe(-1);
  });
});

describe('stepRow', () => {
  const shown = Array.from({ length: 5000 }, (_, i) => i * 2);

  it('moves one shown row at a time, however long the list', () => {
    expect(stepRow(shown, 0, 1)).toBe(2);
    expect(stepRow(shown, 4000, 1)).toBe(4002);
    expect(stepRow(shown, 4000, -1)).toBe(3998);
  });

  it('stays at the ends', () => {
    expect(stepRow(shown, 0, -1)).toBe(0);
    expect(stepRow(shown, 9998, 1)).toBe(9998);
  });

  it('starts at the first row from nowhere', () => {
    expect(stepRow(shown, null, 1)).toBe(0);
    expect(stepRow(shown, null, -1)).toBe(0);
    expect(stepRow([], null, 1)).toBeNull();
  });

  it('from a row the filter no longer shows, goes to its shown neighbours', () => {
    expect(stepRow(shown, 41, 1)).toBe(42);
    expect(stepRow(shown, 41, -1)).toBe(40);
  });
});

describe('nextUnconfirmedRow', () => {
  it('finds the next unapproved row thousands of rows down', () => {
    const statuses = new Map<number, SegmentStatus>();
    for (let i = 0; i < 10_000; i++) statuses.set(i, i === 7_321 || i === 12 ? 'mt' : 'approved');
    const shown = [...statuses.keys()];
    expect(nextUnconfirmedRow(shown, (i) => statuses.get(i), 100)).toBe(7_321);
    // Past the last one it wraps to the top.
    expect(nextUnconfirmedRow(shown, (i) => statuses.get(i), 8_000)).toBe(12);
  });

  it('searches only the rows shown, from where a hidden row would be', () => {
    const statuses: Record<number, SegmentStatus> = { 1: 'mt', 3: 'edited', 5: 'mt', 7: 'mt' };
    const shown = [1, 5, 7];
    expect(nextUnconfirmedRow(shown, (i) => statuses[i], 1)).toBe(5);
    expect(nextUnconfirmedRow(shown, (i) => statuses[i], 3)).toBe(5);
    expect(nextUnconfirmedRow(shown, (i) => statuses[i], 7)).toBe(1);
  });

  it('is null when every shown row is approved, and comes back to the start row last', () => {
    const approved = () => 'approved' as const;
    expect(nextUnconfirmedRow([0, 1, 2], approved, 1)).toBeNull();
    expect(nextUnconfirmedRow([0, 1, 2], (i) => (i === 1 ? 'mt' : 'approved'), 1)).toBe(1);
  });
});

describe('withKeptRows', () => {
  const range = { startIndex: 100, endIndex: 105, overscan: 2, count: 10_000 };

  it('renders the rows near the viewport', () => {
    expect(withKeptRows(range, [])).toEqual([98, 99, 100, 101, 102, 103, 104, 105, 106, 107]);
  });

  it('keeps far rows mounted, in order, without repeats', () => {
    const rows = withKeptRows(range, [9_000, 3, 101, 9_000]);
    expect(rows).toEqual([3, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 9_000]);
  });

  it('ignores positions outside the list', () => {
    expect(withKeptRows(range, [-1, 10_000, 0.5])).toHaveLength(10);
  });
});

describe('keepsViewStill', () => {
  it('moves the screen for a row first measured above its top', () => {
    expect(keepsViewStill({ start: 900, end: 1_160 }, false, 1_000)).toBe(true);
    expect(keepsViewStill({ start: 1_000, end: 1_260 }, false, 1_000)).toBe(false);
  });

  it('moves the screen for a row measured again only when it lies wholly above', () => {
    expect(keepsViewStill({ start: 500, end: 911 }, true, 1_000)).toBe(true);
    // Spanning the top edge: it grows below the part on screen.
    expect(keepsViewStill({ start: 900, end: 1_160 }, true, 1_000)).toBe(false);
    expect(keepsViewStill({ start: 1_200, end: 1_460 }, true, 1_000)).toBe(false);
  });
});
