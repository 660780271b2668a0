import { describe, expect, it } from 'vitest';
import { formatBytes, formatSourceDatetime, parseDatetime } from './format';

describe('parseDatetime', () => {
  it('reads offsets, UTC and zone-less values', () => {
    expect(parseDatetime('2018-02-20T15:33+09:00')?.date.toISOString()).toBe(
      '2018-02-20T06:33:00.000Z',
    );
    expect(parseDatetime('2018-02-20T15:33Z')?.offsetMinutes).toBe(0);
    expect(parseDatetime('2018-02-20T15:33')?.offsetMinutes).toBeNull();
    expect(parseDatetime('2018-02-20')?.hasTime).toBe(false);
    expect(parseDatetime('yesterday')).toBeNull();
  });
});

describe('formatSourceDatetime', () => {
  it('shows the time the source printed, in the UI language', () => {
    const en = formatSourceDatetime('2018-02-20T15:33+09:00', 'en');
    expect(en).toContain('2018');
    expect(en).toContain('February');
    expect(en).toMatch(/3:33/);
    const ko = formatSourceDatetime('2018-02-20T15:33+09:00', 'ko');
    expect(ko).toContain('2018년 2월 20일');
  });

  it('leaves out the time for a date alone', () => {
    expect(formatSourceDatetime('2024-01-05', 'en')).toBe('January 5, 2024');
  });
});

describe('formatBytes', () => {
  it('formats sizes with units in the UI language', () => {
    expect(formatBytes(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(20 * 1024 * 1024, 'ko')).toBe('20MB');
  });
});
