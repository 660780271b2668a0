import { describe, expect, it } from 'vitest';
import { combineEffort, documentEffort, effortShare, hter, postEditEffort } from './effort';

const TEN_WORDS = 'The quick brown fox jumps over the lazy sleeping dog';

describe('postEditEffort', () => {
  it('is 0 for an untouched translation', () => {
    expect(postEditEffort(TEN_WORDS, TEN_WORDS, 'en')).toBe(0);
    expect(postEditEffort('東京は晴れです。', '東京は晴れです。', 'ja')).toBe(0);
  });

  it('is 100 when nothing of the MT was kept', () => {
    expect(postEditEffort('The cat sleeps', 'Ein Hund bellt laut', 'en')).toBe(100);
    expect(postEditEffort('東京は晴れ', '大阪で雨だ', 'ja')).toBe(100);
    expect(postEditEffort('Something here', '', 'en')).toBe(100);
  });

  it('is 10 for one word replaced in a ten-word sentence', () => {
    expect(postEditEffort(TEN_WORDS, TEN_WORDS.replace('lazy', 'idle'), 'en')).toBe(10);
    expect(postEditEffort(TEN_WORDS, TEN_WORDS.replace('quick ', ''), 'en')).toBe(10);
  });

  it('counts punctuation marks as tokens', () => {
    // Ten words and a full stop: one substitution in eleven tokens.
    expect(postEditEffort(`${TEN_WORDS}.`, `${TEN_WORDS.replace('lazy', 'idle')}.`, 'en')).toBe(9);
    expect(postEditEffort(`${TEN_WORDS}.`, `${TEN_WORDS}!`, 'en')).toBe(9);
  });

  it('ignores changes of whitespace alone but not of case', () => {
    expect(postEditEffort('a  b\nc', 'a b c', 'en')).toBe(0);
    expect(postEditEffort('Hello world', 'hello world', 'en')).toBe(50);
  });

  it('handles an empty MT', () => {
    expect(postEditEffort('', 'Written from scratch', 'en')).toBe(100);
    expect(postEditEffort('', '', 'en')).toBe(0);
    expect(postEditEffort('   ', '', 'en')).toBe(0);
  });

  it('measures CJK on character bigrams', () => {
    // 7 characters → 6 bigrams; replacing 晴 changes the two bigrams that hold it.
    expect(postEditEffort('東京は晴れです', '東京は雨れです', 'ja')).toBe(33);
    // Appending one character adds one bigram to six: 1 / 7.
    expect(postEditEffort('我们明天去北京', '我们明天去北京了', 'zh-Hans')).toBe(14);
    // Spaces do not count in Korean either.
    expect(postEditEffort('서울 지하철', '서울지하철', 'ko')).toBe(0);
    expect(postEditEffort('가', '나', 'ko')).toBe(100);
  });

  it('weighs a changed Spanish and Arabic word like any other', () => {
    expect(
      postEditEffort(
        'El gobierno anunció ayer nuevas medidas para la economía nacional',
        'El gobierno anunció hoy nuevas medidas para la economía nacional',
        'es',
      ),
    ).toBe(10);
    expect(postEditEffort('ذهب الولد إلى المدرسة', 'ذهب الولد إلى البيت', 'ar')).toBe(25);
  });

  it('is symmetric and within 0–100 on arbitrary pairs', () => {
    const texts = ['a b c d', 'd c b a', 'a', '', 'x y', 'a b x d e f', 'the the the'];
    for (const x of texts) {
      for (const y of texts) {
        const value = postEditEffort(x, y, 'en');
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
        expect(postEditEffort(y, x, 'en')).toBe(value);
      }
    }
  });

  it('stays quick and bounded for very long texts', () => {
    const a = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 6000 }, (_, i) => `b${i}`).join(' ');
    expect(postEditEffort(a, b, 'en')).toBe(100);
    expect(postEditEffort(a, `${a} tail`, 'en')).toBe(0);
  });
});

describe('documentEffort', () => {
  it('is 0 when no row had machine translation', () => {
    expect(documentEffort([], 'en')).toBe(0);
    expect(documentEffort([{ mt: null, target: 'Typed by hand entirely' }], 'en')).toBe(0);
  });

  it('weighs rows by the words of their final text', () => {
    const rows = [
      // 8 words, untouched: 0.
      {
        mt: 'one two three four five six seven eight',
        target: 'one two three four five six seven eight',
      },
      // 2 words, all replaced: 100.
      { mt: 'alpha beta', target: 'gamma delta' },
      // No MT: ignored even though it was all typed.
      { mt: null, target: 'ignored words here' },
    ];
    // (0 × 8 + 100 × 2) / 10
    expect(documentEffort(rows, 'en')).toBe(20);
  });

  it('does not round each row before averaging', () => {
    const rows = [
      { mt: 'a b c', target: 'a b x' },
      { mt: 'one two three four five', target: 'one two three four five' },
    ];
    // Exact: (1/3 × 3) / 8 = 12.5 % → 13; rounding the row to 33 first would give 12.375 → 12.
    expect(documentEffort(rows, 'en')).toBe(13);
  });

  it('counts punctuation for effort but not for weight', () => {
    const rows = [
      { mt: 'Hello world.', target: 'Hello world!' },
      { mt: 'x', target: 'x' },
    ];
    // Row 1: 1 of 3 tokens changed, weight 2; row 2: 0, weight 1 → (1/3 × 2) / 3.
    expect(documentEffort(rows, 'en')).toBe(22);
  });

  it('skips rows emptied by the editor', () => {
    const rows = [
      { mt: 'deleted row', target: '' },
      { mt: 'kept row', target: 'kept row' },
    ];
    expect(documentEffort(rows, 'en')).toBe(0);
  });

  it('weighs CJK rows by characters', () => {
    const rows = [
      // 4 characters, 3 bigrams, all changed: 100, weight 4.
      { mt: '東京都庁', target: '大阪府庁' },
      // 13 letters (the full stop does not count), untouched.
      { mt: '会議は午後三時に始まります。', target: '会議は午後三時に始まります。' },
    ];
    expect(documentEffort(rows, 'ja')).toBe(Math.round((100 * 4) / 17));
  });
});

describe('effortShare and combineEffort', () => {
  it('add up, row by row, to the document effort', () => {
    const rows = [
      { mt: 'a b c', target: 'a b x' },
      { mt: 'Hello world.', target: 'Hello world!' },
      { mt: null, target: 'typed by hand' },
      { mt: 'deleted row', target: '' },
      { mt: 'one two three four five', target: 'one two three four five' },
    ];
    const shares = rows.map((row) => effortShare(row.mt, row.target, 'en'));
    expect(combineEffort(shares)).toBe(documentEffort(rows, 'en'));
    expect(combineEffort(shares)).toBeGreaterThan(0);
  });

  it('gives rows without MT or words no weight', () => {
    expect(effortShare(null, 'typed by hand', 'en')).toEqual({ weight: 0, weighted: 0 });
    expect(effortShare('gone', '', 'en')).toEqual({ weight: 0, weighted: 0 });
    expect(effortShare('alpha beta', 'gamma delta', 'en')).toEqual({ weight: 2, weighted: 2 });
    expect(combineEffort([])).toBe(0);
  });
});

describe('hter', () => {
  it('is 0 for no edits and for two empty texts', () => {
    expect(hter(TEN_WORDS, TEN_WORDS, 'en')).toBe(0);
    expect(hter('', '', 'en')).toBe(0);
  });

  it('divides edits by the words of the post-edit', () => {
    expect(hter(TEN_WORDS, TEN_WORDS.replace('lazy', 'idle'), 'en')).toBeCloseTo(0.1);
    // One insertion into a post-edit of eleven words.
    expect(hter(TEN_WORDS, `${TEN_WORDS} today`, 'en')).toBeCloseTo(1 / 11);
    // Three deletions; the post-edit has two words.
    expect(hter('one two three four five', 'one five', 'en')).toBeCloseTo(3 / 2);
  });

  it('does not look for shifts, so a moved phrase costs its full replacement', () => {
    expect(hter('a b c d', 'c d a b', 'en')).toBe(1);
  });

  it('is 1 when everything was deleted and counts a from-scratch translation fully', () => {
    expect(hter('some words', '', 'en')).toBe(1);
    expect(hter('', 'new words here', 'en')).toBe(1);
  });

  it('counts single characters for CJK', () => {
    expect(hter('東京は晴れです', '東京は雨れです', 'ja')).toBeCloseTo(1 / 7);
    expect(hter('我们去北京', '我们去北京了', 'zh')).toBeCloseTo(1 / 6);
  });
});
