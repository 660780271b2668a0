import { describe, expect, it, vi } from 'vitest';
import { exportFileName, exportReview, type ExportFormat } from './export';
import { LABELS, NOW, richReview } from './fixtures/rich-review';

const options = { labels: LABELS, appVersion: '1.2.3', now: NOW };

describe('exportReview', () => {
  it.each([
    ['xliff2', 'application/xliff+xml', '.en-ko.xlf', 'urn:oasis:names:tc:xliff:document:2.0'],
    ['xliff12', 'application/xliff+xml', '.en-ko.xliff', 'urn:oasis:names:tc:xliff:document:1.2'],
    ['tmx', 'application/x-tmx+xml', '.en-ko.tmx', '<tmx version="1.4">'],
    ['html', 'text/html;charset=utf-8', '.en-ko.html', '<!DOCTYPE html>'],
    ['text', 'text/plain;charset=utf-8', '.en-ko.txt', '물가 상승\n\n'],
    ['json', 'application/json', '.en-ko.json', '"format": "interlinear-review"'],
  ] as const)('%s', (format, mimeType, suffix, marker) => {
    const file = exportReview(richReview(), format, options);
    expect(file.mimeType).toBe(mimeType);
    expect(file.fileName.endsWith(suffix)).toBe(true);
    expect(file.content).toContain(marker);
  });

  it('does not change the review it is given', () => {
    const review = richReview();
    for (const format of ['xliff2', 'xliff12', 'tmx', 'html', 'text', 'json'] as ExportFormat[]) {
      exportReview(review, format, options);
    }
    expect(review).toEqual(richReview());
  });

  it('stamps the current time when none is given', () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
    try {
      const file = exportReview(richReview(), 'json', { labels: LABELS, appVersion: '1' });
      expect(file.content).toContain('"exportedAt": "2030-01-01T00:00:00.000Z"');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('exportFileName', () => {
  const named = (title: string) => exportFileName({ ...richReview(), title }, 'xliff2');

  it('is made from the title, keeping letters of any script', () => {
    expect(named('Prices & "quotes" <rise> — 물가 상승')).toBe(
      'prices-quotes-rise-물가-상승.en-ko.xlf',
    );
    expect(named('Ünïcödé Straße')).toBe('ünïcödé-straße.en-ko.xlf');
  });

  it('has no path or reserved characters', () => {
    expect(named('../../etc/passwd: a?b*c|d\\e')).toBe('etc-passwd-a-b-c-d-e.en-ko.xlf');
  });

  it('falls back to a generic name and avoids device names', () => {
    expect(named('')).toBe('review.en-ko.xlf');
    expect(named('!!!')).toBe('review.en-ko.xlf');
    expect(named('CON')).toBe('con-review.en-ko.xlf');
  });

  it('stays short', () => {
    const name = named('word '.repeat(100));
    expect(name.length).toBeLessThanOrEqual(60 + '.en-ko.xlf'.length);
    expect(name).not.toMatch(/-\./);
  });
});
