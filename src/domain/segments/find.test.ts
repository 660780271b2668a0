import { describe, expect, it } from 'vitest';
import {
  caseLocale,
  findMatches,
  foldQuery,
  matchAtOrAfter,
  matchesInSegment,
  prepareText,
  type FindMatch,
} from './find';

/** The displayed text each match covers. */
function found(texts: string[], query: string, language?: string): string[] {
  const prepared = texts.map((text) => [prepareText(text, language)]);
  return findMatches(prepared, query).matches.map(
    (match) => texts[match.segment]?.slice(match.start, match.end) ?? '',
  );
}

describe('prepareText', () => {
  it('leaves plain text aligned with the original, with no offset table', () => {
    const prepared = prepareText('The Museum opens', 'en');
    expect(prepared.folded).toBe('the museum opens');
    expect(prepared.starts).toBeNull();
  });

  it('folds case and accents, composed or decomposed', () => {
    expect(prepareText('Café NAÏVE', 'fr').folded).toBe('cafe naive');
    expect(prepareText('Cafe\u0301', 'fr').folded).toBe('cafe');
    expect(prepareText('Việt Nam', 'vi').folded).toBe('viet nam');
    expect(prepareText('Ελληνικά ΟΔΟΣ', 'el').folded).toBe('ελληνικα οδοσ');
  });

  it('reads compatibility forms, ß, typographic quotes and white space runs as their plain forms', () => {
    expect(prepareText('ＡＢＣ２０２４', 'ja').folded).toBe('abc2024');
    expect(prepareText('ﬁnal Straße', 'de').folded).toBe('final strasse');
    expect(prepareText('it’s “so”', 'en').folded).toBe('it\'s "so"');
    expect(prepareText('a \n\t b\u00a0c', 'en').folded).toBe('a b c');
    expect(prepareText('Donau\u00addampf', 'de').folded).toBe('donaudampf');
  });

  it('lowercases by the text’s language: Turkish dotted and dotless i', () => {
    // The dotless ı is a letter of its own; the cedilla is an accent like any other.
    expect(prepareText('İstanbul IŞIK', 'tr').folded).toBe('istanbul ısık');
    expect(prepareText('İstanbul IŞIK', 'en').folded).toBe('istanbul isik');
    expect(caseLocale('tr-TR')).toBe('tr');
    expect(caseLocale('en-US')).toBe('');
    expect(caseLocale(undefined)).toBe('');
  });

  it('keeps Hangul syllables and voiced kana whole, also when the source is decomposed', () => {
    expect(prepareText('한국어', 'ko').folded).toBe('한국어');
    expect(prepareText('한국어', 'ko').starts).toBeNull();
    expect(prepareText('\u1112\u1161\u11ab\u1100\u116e\u11a8', 'ko').folded).toBe('한국');
    expect(prepareText('か\u3099', 'ja').folded).toBe('が');
  });
});

describe('findMatches', () => {
  it('finds case- and accent-insensitively, and the span is the displayed text', () => {
    expect(found(['Le Café de Flore', 'un cafe noir', 'CAFÉ'], 'cafe')).toEqual([
      'Café',
      'cafe',
      'CAFÉ',
    ]);
    expect(found(['Le Café'], 'CAFÉ')).toEqual(['Café']);
  });

  it('maps offsets back past decomposed accents, ligatures and ß', () => {
    const decomposed = 'Re\u0301sume\u0301 of the cafe\u0301 owner';
    expect(found([decomposed], 'resume')).toEqual(['Re\u0301sume\u0301']);
    expect(found([decomposed], 'owner')).toEqual(['owner']);
    expect(found([decomposed], 'cafe of')).toEqual([]);
    expect(found(['ﬁne ﬁsh'], 'fish')).toEqual(['ﬁsh']);
    // Half of a folded "ss" still highlights the whole letter it came from.
    expect(found(['die Straße'], 'stras')).toEqual(['Straß']);
    expect(found(['die Straße'], 'strasse')).toEqual(['Straße']);
  });

  it('finds across a run of white space and a line break', () => {
    expect(found(['one  two\nthree'], 'two three')).toEqual(['two\nthree']);
    expect(found(['one  two'], 'one two')).toEqual(['one  two']);
  });

  it('finds Korean, Chinese and Japanese text', () => {
    const korean = ['서울시립미술관이 새 전시관을 열었다.', '미술관 관람은 무료다.'];
    expect(found(korean, '미술관')).toEqual(['미술관', '미술관']);
    // A syllable is not found inside another one that merely starts the same way.
    expect(found(['한국'], '하')).toEqual([]);
    expect(found(['北京大学の研究者'], '研究')).toEqual(['研究']);
    expect(found(['ＡＩ研究'], 'ai')).toEqual(['ＡＩ']);
    expect(found(['がくせい'], 'かくせい')).toEqual([]);
  });

  it('returns adjacent matches separately and overlapping ones without overlap', () => {
    const texts = ['abab', 'aaaa'];
    const prepared = texts.map((text) => [prepareText(text)]);
    expect(findMatches(prepared, 'ab').matches).toEqual([
      { segment: 0, part: 0, start: 0, end: 2 },
      { segment: 0, part: 0, start: 2, end: 4 },
    ]);
    expect(findMatches(prepared, 'aa').matches).toEqual([
      { segment: 1, part: 0, start: 0, end: 2 },
      { segment: 1, part: 0, start: 2, end: 4 },
    ]);
  });

  it('searches every part of a segment in order, each in its own language', () => {
    const prepared = [
      [prepareText('Istanbul is big', 'en'), prepareText('İstanbul büyük', 'tr')],
      [prepareText('nothing here', 'en')],
      [prepareText('ISTANBUL', 'tr')],
    ];
    // "istanbul" in Turkish does not match "ISTANBUL" (that is "ıstanbul"), but matches "İstanbul".
    expect(findMatches(prepared, 'istanbul').matches).toEqual([
      { segment: 0, part: 0, start: 0, end: 8 },
      { segment: 0, part: 1, start: 0, end: 8 },
    ]);
  });

  it('finds nothing for an empty or blank query, and stops at the limit', () => {
    const prepared = [[prepareText('a a a a')]];
    expect(findMatches(prepared, '').matches).toEqual([]);
    expect(findMatches(prepared, '   ').matches).toEqual([]);
    expect(findMatches(prepared, 'a', 3)).toEqual({
      matches: expect.any(Array) as unknown,
      truncated: true,
    });
    expect(findMatches(prepared, 'a', 3).matches).toHaveLength(3);
    expect(findMatches(prepared, 'a', 4).truncated).toBe(false);
  });

  it('folds the query as it folds the text', () => {
    expect(foldQuery('  CAFÉ  au LAIT ')).toBe('cafe au lait');
  });
});

describe('navigating matches', () => {
  const matches: FindMatch[] = [
    { segment: 2, part: 0, start: 4, end: 6 },
    { segment: 2, part: 1, start: 0, end: 2 },
    { segment: 7, part: 0, start: 1, end: 3 },
    { segment: 7, part: 0, start: 9, end: 11 },
    { segment: 40, part: 0, start: 0, end: 2 },
  ];

  it('finds the first match at or after a place, wrapping to the first', () => {
    expect(matchAtOrAfter(matches, 0)).toBe(0);
    expect(matchAtOrAfter(matches, 2, 1)).toBe(1);
    expect(matchAtOrAfter(matches, 7, 0, 2)).toBe(3);
    expect(matchAtOrAfter(matches, 8)).toBe(4);
    expect(matchAtOrAfter(matches, 41)).toBe(0);
    expect(matchAtOrAfter([], 3)).toBe(-1);
  });

  it('lists the matches of one segment', () => {
    expect(matchesInSegment(matches, 7)).toEqual({ from: 2, to: 4 });
    expect(matchesInSegment(matches, 3)).toEqual({ from: 2, to: 2 });
    expect(matchesInSegment(matches, 99)).toEqual({ from: 5, to: 5 });
  });
});
