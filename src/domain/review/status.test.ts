import { describe, expect, it } from 'vitest';
import type { SegmentStatus } from './types';
import { SEGMENT_STATUSES } from './types';
import { CONFIRMED_STATUSES, isConfirmed, nextUnconfirmed, statusAfterEdit } from './status';

const rows = (...statuses: SegmentStatus[]) => statuses.map((status) => ({ status }));

describe('statusAfterEdit', () => {
  it('marks an MT row edited once its text differs from the MT', () => {
    expect(statusAfterEdit('mt', 'Hola', 'Hola!')).toBe('edited');
    expect(statusAfterEdit('mt', null, 'Typed')).toBe('edited');
  });

  it('keeps an MT row as MT when its text is the MT', () => {
    expect(statusAfterEdit('mt', 'Hola', 'Hola')).toBe('mt');
  });

  it('reopens reviewed, approved and rejected rows as edited', () => {
    for (const status of ['reviewed', 'approved', 'rejected'] as const) {
      expect(statusAfterEdit(status, 'Hola', 'Hola mundo')).toBe('edited');
      // Even back to the MT: the decision was about another text.
      expect(statusAfterEdit(status, 'Hola', 'Hola')).toBe('edited');
      expect(statusAfterEdit(status, null, 'x')).toBe('edited');
    }
  });

  it('returns an edited row to MT only when its text is exactly the MT again', () => {
    expect(statusAfterEdit('edited', 'Hola', 'Hola')).toBe('mt');
    expect(statusAfterEdit('edited', 'Hola', 'Hola ')).toBe('edited');
    expect(statusAfterEdit('edited', 'Hola', 'hola')).toBe('edited');
  });

  it('treats clearing a row that never had MT as going back to it', () => {
    expect(statusAfterEdit('edited', null, '')).toBe('mt');
    expect(statusAfterEdit('edited', null, ' ')).toBe('edited');
  });

  it('always returns a known status', () => {
    for (const status of SEGMENT_STATUSES) {
      expect(SEGMENT_STATUSES).toContain(statusAfterEdit(status, 'a', 'b'));
    }
  });
});

describe('CONFIRMED_STATUSES', () => {
  it('holds approval only', () => {
    expect(CONFIRMED_STATUSES).toEqual(['approved']);
    expect(SEGMENT_STATUSES.filter(isConfirmed)).toEqual(['approved']);
  });
});

describe('nextUnconfirmed', () => {
  it('finds the next row that is not approved', () => {
    const segments = rows('approved', 'mt', 'approved', 'edited', 'reviewed');
    expect(nextUnconfirmed(segments, 0)).toBe(1);
    expect(nextUnconfirmed(segments, 1)).toBe(3);
    expect(nextUnconfirmed(segments, 3)).toBe(4);
  });

  it('counts reviewed and rejected rows as unconfirmed', () => {
    expect(nextUnconfirmed(rows('approved', 'reviewed'), 0)).toBe(1);
    expect(nextUnconfirmed(rows('approved', 'rejected'), 0)).toBe(1);
  });

  it('wraps around to the top', () => {
    const segments = rows('edited', 'approved', 'approved');
    expect(nextUnconfirmed(segments, 1)).toBe(0);
    expect(nextUnconfirmed(segments, 2)).toBe(0);
  });

  it('comes back to the starting row when it is the only one left', () => {
    expect(nextUnconfirmed(rows('approved', 'mt', 'approved'), 1)).toBe(1);
  });

  it('returns null when everything is approved or there is nothing', () => {
    expect(nextUnconfirmed(rows('approved', 'approved'), 0)).toBeNull();
    expect(nextUnconfirmed([], 0)).toBeNull();
  });

  it('starts from the top with -1 and tolerates an index out of range', () => {
    const segments = rows('mt', 'approved', 'edited');
    expect(nextUnconfirmed(segments, -1)).toBe(0);
    expect(nextUnconfirmed(segments, 2)).toBe(0);
    expect(nextUnconfirmed(segments, 7)).toBe(0);
    expect(nextUnconfirmed(segments, -5)).toBe(0);
    expect(nextUnconfirmed(segments, Number.NaN)).toBe(0);
    expect(nextUnconfirmed(rows('approved', 'mt'), 9)).toBe(1);
  });
});
