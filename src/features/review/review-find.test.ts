import { describe, expect, it } from 'vitest';
import { findMatches, prepareText } from '../../domain/segments/find';
import { reviewFindTexts } from './review-find';

const rows = [
  { index: 0, source: 'The ferry left at noon.', target: 'El ferri salió a mediodía.' },
  // A heading the reader keeps untranslated has no row; row indexes skip it.
  { index: 2, source: 'The ferry came back.', target: '' },
  { index: 3, source: 'Nobody waited.', target: 'Nadie esperó al ferri.' },
];

describe('reviewFindTexts', () => {
  it('gives each shown row its source, then its target when it has one, at the row index', () => {
    const texts = reviewFindTexts(rows, [0, 2, 3], 'en', 'es');
    expect(texts).toHaveLength(4);
    expect(texts[0]?.map((text) => [text.part, text.lang, text.text])).toEqual([
      ['source', 'en', 'The ferry left at noon.'],
      ['target', 'es', 'El ferri salió a mediodía.'],
    ]);
    expect(texts[1]).toEqual([]);
    expect(texts[2]?.map((text) => text.part)).toEqual(['source']);
  });

  it('leaves out the rows the filter hides, so their matches are not counted', () => {
    const texts = reviewFindTexts(rows, [3], 'en', 'es');
    const prepared = texts.map((parts) => parts.map((part) => prepareText(part.text, part.lang)));
    const { matches } = findMatches(prepared, 'ferri');
    expect(matches).toEqual([{ segment: 3, part: 1, start: 16, end: 21 }]);
    expect(findMatches(prepared, 'ferry').matches).toEqual([]);
  });
});
