import { afterEach, describe, expect, it } from 'vitest';
import { readReviewPosition, saveReviewPosition } from './use-review-position';

afterEach(() => localStorage.clear());

describe('review position', () => {
  it('is remembered per review', () => {
    saveReviewPosition('article-1:es', 1_234);
    saveReviewPosition('article-1:ca', 7);
    expect(readReviewPosition('article-1:es')).toBe(1_234);
    expect(readReviewPosition('article-1:ca')).toBe(7);
    expect(readReviewPosition('article-2:es')).toBeNull();
  });

  it('keeps the first row as a place of its own', () => {
    saveReviewPosition('a:es', 500);
    saveReviewPosition('a:es', 0);
    expect(readReviewPosition('a:es')).toBe(0);
  });

  it('ignores what is not a row index', () => {
    saveReviewPosition('a:es', -3);
    saveReviewPosition('a:es', 2.5);
    expect(readReviewPosition('a:es')).toBeNull();
    localStorage.setItem('interlinear:review-position:a:es', 'nonsense');
    expect(readReviewPosition('a:es')).toBeNull();
  });
});
