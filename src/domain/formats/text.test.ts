import { describe, expect, it } from 'vitest';
import { richReview } from './fixtures/rich-review';
import { exportText } from './text';

describe('exportText', () => {
  it('writes the title, then each translated paragraph, separated by blank lines', () => {
    expect(exportText(richReview())).toBe(
      [
        'Prices & "quotes" <rise> — 물가 상승',
        '가격이 5 < 6 & 더 올랐다.',
        '위원회는 월요일에 도쿄에서 회의를 열었다. 🎉',
        '앞뒤 공백,  두 번도.',
        'مرحبا بالعالم — שלום.',
        '잘못된 번역',
      ].join('\n\n') + '\n',
    );
  });

  it('leaves out rows without a translation instead of showing the source', () => {
    const out = exportText(richReview());
    expect(out).not.toContain('Not translated yet.');
    expect(out).not.toMatch(/\n{3}/);
  });

  it('uses plain LF line breaks', () => {
    const review = richReview();
    review.segments = [{ ...review.segments[0]!, target: 'one\r\ntwo' }];
    expect(exportText(review)).toBe(`${review.title}\n\none\ntwo\n`);
  });

  it('is empty for a review with nothing in it', () => {
    expect(exportText({ ...richReview(), title: '', segments: [] })).toBe('');
  });
});
