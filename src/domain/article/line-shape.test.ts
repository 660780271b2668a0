import { describe, expect, it } from 'vitest';
import {
  comparisonKey,
  displayWidth,
  endsMidSentence,
  endsSentence,
  firstWordWidth,
  hasTrailingSpace,
  listMarker,
  normalizeSpaces,
  splitLineEndings,
  startsLowercase,
  wordCount,
} from './line-shape';

describe('normalizeSpaces', () => {
  it('turns NBSPs and tabs into spaces, collapses runs and trims', () => {
    expect(normalizeSpaces('\u00A0 Fares\u00A0rose \t by\u202Ften  percent ')).toBe(
      'Fares rose by ten percent',
    );
  });

  it('returns clean text unchanged', () => {
    expect(normalizeSpaces('Already clean.')).toBe('Already clean.');
  });
});

describe('splitLineEndings', () => {
  it('splits on LF, CRLF and CR alike', () => {
    expect(splitLineEndings('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLineEndings('a\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLineEndings('')).toEqual(['']);
  });
});

describe('hasTrailingSpace', () => {
  it('sees a trailing space, tab or NBSP', () => {
    expect(hasTrailingSpace('wrapped ')).toBe(true);
    expect(hasTrailingSpace('wrapped\u00A0')).toBe(true);
    expect(hasTrailingSpace('wrapped\t')).toBe(true);
    expect(hasTrailingSpace('wrapped')).toBe(false);
    expect(hasTrailingSpace('')).toBe(false);
  });
});

describe('endsSentence', () => {
  it.each([
    'It works.',
    'Does it?',
    'It does!',
    'And then…',
    'He said, "It works."',
    'It works (mostly.)',
    'She asked, ‘Why?’',
    '도서관을 늘리겠다고 말했다.',
    '市民は満足している。',
    '真的吗？',
    'It moved to the U.S.',
  ])('%s ends a sentence', (text) => {
    expect(endsSentence(text)).toBe(true);
  });

  it.each(['It works', 'the map was drawn by Dr.', 'John F.', 'For example,', 'Three things:', ''])(
    '%s does not',
    (text) => {
      expect(endsSentence(text)).toBe(false);
    },
  );
});

describe('endsMidSentence', () => {
  it.each(['buses, trams,', 'the map was drawn by Dr.', 'John F.', 'one of the', 'cats and'])(
    '%s runs on',
    (text) => {
      expect(endsMidSentence(text)).toBe(true);
    },
  );

  it.each(['It works.', 'What changed', 'Log in'])('%s may end', (text) => {
    expect(endsMidSentence(text)).toBe(false);
  });
});

describe('startsLowercase', () => {
  it('looks past opening quotes and brackets', () => {
    expect(startsLowercase('which runs late')).toBe(true);
    expect(startsLowercase('“and then')).toBe(true);
    expect(startsLowercase('(école)')).toBe(true);
    expect(startsLowercase('Which')).toBe(false);
    expect(startsLowercase('2004, a card')).toBe(false);
    expect(startsLowercase('버스')).toBe(false);
    expect(startsLowercase('')).toBe(false);
  });
});

describe('displayWidth and firstWordWidth', () => {
  it('counts wide East Asian characters as two columns', () => {
    expect(displayWidth('bus')).toBe(3);
    expect(displayWidth('버스')).toBe(4);
    expect(displayWidth('バス停')).toBe(6);
    expect(displayWidth('𠀀a')).toBe(3);
  });

  it('measures the first word, or one character of a spaceless script', () => {
    expect(firstWordWidth('Seoul has buses')).toBe(5);
    expect(firstWordWidth('서울 버스')).toBe(4);
    expect(firstWordWidth('通勤している')).toBe(2);
    expect(firstWordWidth('')).toBe(0);
  });
});

describe('wordCount', () => {
  it('counts spaced words, and Han/kana runs by pairs of characters', () => {
    expect(wordCount('Seoul has good buses')).toBe(4);
    expect(wordCount('서울 버스 노선 개편')).toBe(4);
    expect(wordCount('公共交通的票价')).toBe(4);
    expect(wordCount('')).toBe(0);
  });
});

describe('listMarker', () => {
  it('recognises bullets and ordinals', () => {
    expect(listMarker('- Docks moved')).toEqual({
      marker: '-',
      ordered: false,
      rest: 'Docks moved',
    });
    expect(listMarker('• Docks moved')?.marker).toBe('•');
    expect(listMarker('* Docks moved')?.marker).toBe('*');
    expect(listMarker('1. Docks moved')).toEqual({
      marker: '1.',
      ordered: true,
      rest: 'Docks moved',
    });
    expect(listMarker('(2) Docks moved')?.ordered).toBe(true);
  });

  it('does not take dates, decimals or words for markers', () => {
    expect(listMarker('2018. 02. 20 was a Tuesday')).toBeNull();
    expect(listMarker('3.5 percent')).toBeNull();
    expect(listMarker('-5 degrees')).toBeNull();
    expect(listMarker('Docks moved')).toBeNull();
  });
});

describe('comparisonKey', () => {
  it('ignores case, spacing, curly quotes and Unicode composition', () => {
    expect(comparisonKey('SEOUL’S\u00A0 Buses')).toBe(comparisonKey("Seoul's buses"));
    expect(comparisonKey('버스'.normalize('NFD'))).toBe(comparisonKey('버스'));
  });
});
