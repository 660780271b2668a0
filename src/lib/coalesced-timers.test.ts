import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescedTimers } from './coalesced-timers';

describe('CoalescedTimers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires long timers on time through one real timer', () => {
    const timers = new CoalescedTimers();
    const fired: string[] = [];
    timers.setTimeout(() => fired.push('a'), 5000);
    timers.setTimeout(() => fired.push('b'), 2000);
    timers.setTimeout(() => fired.push('c'), 60_000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(fired).toEqual(['b']);
    vi.advanceTimersByTime(3000);
    expect(fired).toEqual(['b', 'a']);
    vi.advanceTimersByTime(60_000);
    expect(fired).toEqual(['b', 'a', 'c']);
    expect(timers.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears a long timer without touching the event loop', () => {
    const timers = new CoalescedTimers();
    const fired: string[] = [];
    const ids = Array.from({ length: 1000 }, (_, i) =>
      timers.setTimeout(() => fired.push(`t${i}`), 1_800_000),
    );
    expect(vi.getTimerCount()).toBe(1);
    for (const id of ids.slice(1)) timers.clearTimeout(id);
    expect(timers.size).toBe(1);
    vi.advanceTimersByTime(1_800_250);
    expect(fired).toEqual(['t0']);
  });

  it('leaves short timers to the platform', () => {
    const timers = new CoalescedTimers();
    const fired: string[] = [];
    timers.setTimeout(() => fired.push('short'), 10);
    timers.setTimeout(() => fired.push('cleared'), 20);
    expect(timers.size).toBe(0);
    vi.advanceTimersByTime(10);
    expect(fired).toEqual(['short']);
    const other = timers.setTimeout(() => fired.push('never'), 10);
    timers.clearTimeout(other);
    vi.advanceTimersByTime(100);
    expect(fired).toEqual(['short', 'cleared']);
  });
});
