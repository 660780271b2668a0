import { describe, expect, it } from 'vitest';
import { NOW, richReview } from './fixtures/rich-review';
import { REVIEW_JSON_FORMAT, REVIEW_JSON_VERSION, exportJson, type ReviewJson } from './json';

describe('exportJson', () => {
  const out = exportJson(richReview(), { appVersion: '1.2.3', now: NOW });

  it('wraps the review with a format marker and version', () => {
    const parsed = JSON.parse(out) as ReviewJson;
    expect(parsed.format).toBe(REVIEW_JSON_FORMAT);
    expect(parsed.version).toBe(REVIEW_JSON_VERSION);
    expect(parsed.generator).toBe('Interlinear 1.2.3');
    expect(parsed.exportedAt).toBe('2024-06-02T03:04:05.000Z');
  });

  it('holds the whole review, unchanged', () => {
    expect((JSON.parse(out) as ReviewJson).document).toEqual(richReview());
  });

  it('is pretty printed', () => {
    expect(out).toMatch(/^{\n {2}"format": "interlinear-review",\n/);
    expect(out.endsWith('}\n')).toBe(true);
  });
});
