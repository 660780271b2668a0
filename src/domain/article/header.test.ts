import { describe, expect, it } from 'vitest';
import { detectHeader, type HeaderContext, type HeaderLine } from './header';

function lines(...texts: string[]): HeaderLine[] {
  return texts.map((text, index) => ({ index, text, trailingSpace: false, blanksBefore: 0 }));
}

const unwrapped = (): number => Infinity;

function context(overrides: Partial<HeaderContext> = {}): HeaderContext {
  return { title: null, anchor: null, copyrightLines: [], wrapWidth: unwrapped, ...overrides };
}

describe('detectHeader: a given title', () => {
  it('wins and marks every copy, also one wrapped onto two lines', () => {
    const result = detectHeader(
      lines(
        'Masthead',
        'Buses Deserve Better Maps',
        'Body text. More body.',
        'Buses Deserve',
        'Better Maps',
      ),
      context({ title: '  Buses Deserve\u00A0Better Maps ' }),
    );
    expect(result.title).toBe('Buses Deserve Better Maps');
    expect(result.titleLine).toBeNull();
    expect(result.duplicates).toEqual([1, 3, 4]);
    expect(result.navigation).toEqual([0]);
  });
});

describe('detectHeader: a given title wrapped in the text', () => {
  it('takes the line after both halves as the deck', () => {
    const header = lines('Buses Deserve', 'Better Maps', 'A network is only as good as its map');
    const body = [{ index: 4, text: 'Body text here.', trailingSpace: false, blanksBefore: 0 }];
    const result = detectHeader(
      [...header, ...body],
      context({ title: 'Buses Deserve Better Maps', anchor: 3 }),
    );
    expect(result.duplicates).toEqual([0, 1]);
    expect(result.deck).toBe('A network is only as good as its map');
  });
});

describe('detectHeader: repeated title', () => {
  it('takes the headline the page repeats, not the masthead above it', () => {
    const result = detectHeader(
      lines('The Hanbit Times', 'Buses Deserve Better Maps', 'Buses Deserve Better Maps', 'Body.'),
      context(),
    );
    expect(result.title).toBe('Buses Deserve Better Maps');
    expect(result.titleLine).toBe(1);
    expect(result.duplicates).toEqual([2]);
    expect(result.navigation).toEqual([0]);
  });
});

describe('detectHeader: title above the byline/stamp block', () => {
  it('takes the first substantial headline and a single deck line', () => {
    // Line 4 (the byline) was taken out before; its index is the anchor.
    const header = lines(
      '해솔일보',
      '사회',
      '도서관 10곳 야간 운영',
      '직장인 수요 반영해 운영 시간 늘려',
    );
    const body = [
      { index: 5, text: '시가 도서관 운영 시간을 늘린다.', trailingSpace: false, blanksBefore: 1 },
    ];
    const result = detectHeader([...header, ...body], context({ anchor: 4 }));
    expect(result.title).toBe('도서관 10곳 야간 운영');
    expect(result.deck).toBe('직장인 수요 반영해 운영 시간 늘려');
    expect(result.deckLine).toBe(3);
    expect(result.navigation).toEqual([0, 1]);
    expect(result.headerEnd).toBe(4);
  });

  it('skips a masthead named in the copyright line', () => {
    const header = lines('Riverside Courier Daily', 'Bike Share Finally Works');
    const body = [{ index: 3, text: 'Body text here.', trailingSpace: false, blanksBefore: 0 }];
    const result = detectHeader(
      [...header, ...body],
      context({ anchor: 2, copyrightLines: ['© 2024 Riverside Courier Daily'] }),
    );
    expect(result.title).toBe('Bike Share Finally Works');
  });

  it('ignores a byline that only signs off the article', () => {
    const result = detectHeader(
      lines('Short Title Here', 'The only paragraph.'),
      context({ anchor: 2 }),
    );
    expect(result.title).toBe('Short Title Here');
    expect(result.deck).toBeNull();
    expect(result.headerEnd).toBeNull();
  });
});

describe('detectHeader: first line', () => {
  it('takes a headline-shaped first line', () => {
    expect(
      detectHeader(lines('Learning a Language After Forty', 'Every January…'), context()).title,
    ).toBe('Learning a Language After Forty');
  });

  it.each([
    ['a sentence', ['The buses were late again today.', 'Nobody minded.']],
    ['a single word', ['Introduction', 'Nobody minded.']],
    ['a list item', ['- Cheaper fares for all', 'Nobody minded.']],
    ['the only line', ['Learning a Language After Forty']],
  ])('does not take %s', (_, texts) => {
    expect(detectHeader(lines(...texts), context()).title).toBeNull();
  });

  it('does not take the first line of a wrapped paragraph', () => {
    const wrapped = lines('Buses in my neighbourhood run every eight', 'minutes, more or less.');
    expect(detectHeader(wrapped, context()).title).toBeNull();
  });
});

describe('detectHeader: empty input', () => {
  it('finds nothing', () => {
    expect(detectHeader([], context())).toEqual({
      title: null,
      deck: null,
      titleLine: null,
      deckLine: null,
      duplicates: [],
      navigation: [],
      headerEnd: null,
    });
  });
});
