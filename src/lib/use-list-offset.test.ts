import { describe, expect, it } from 'vitest';
import { keepRowsStill } from './use-list-offset';

describe('keepRowsStill', () => {
  it('does nothing on the first measurement or when the list did not move', () => {
    expect(keepRowsStill(null, 400, 5_000)).toBe(0);
    expect(keepRowsStill(400, 400, 5_000)).toBe(0);
  });

  it('scrolls by the change when the reader is inside the list', () => {
    // The progress line above lost a line: the list moved up 31 px.
    expect(keepRowsStill(431, 400, 20_000)).toBe(-31);
    // A notice appeared: the list moved down.
    expect(keepRowsStill(400, 456, 20_000)).toBe(56);
  });

  it('leaves the page alone while the reader is above the list, looking at what changed', () => {
    expect(keepRowsStill(431, 400, 0)).toBe(0);
    expect(keepRowsStill(431, 400, 431)).toBe(0);
  });
});
