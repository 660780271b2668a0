import { describe, expect, it } from 'vitest';
import type { QaInput } from './checks';
import { checkNumbers, compareNumbers, extractNumbers, numberConvention } from './numbers';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function pair(
  source: string,
  target: string,
  sourceLanguage = 'en',
  targetLanguage = 'es',
): QaInput {
  return { source, target, sourceLanguage, targetLanguage };
}

function values(text: string, language: string): string[] {
  return extractNumbers(text, language).map((n) => n.value);
}

describe('numberConvention', () => {
  it('learns separators from Intl', () => {
    expect(numberConvention('en').decimal).toBe('.');
    expect(numberConvention('en').group.has(',')).toBe(true);
    expect(numberConvention('de').decimal).toBe(',');
    expect(numberConvention('de').group.has('.')).toBe(true);
    expect(numberConvention('fr').group.has(' ')).toBe(true);
    expect(numberConvention('de-CH').group.has("'")).toBe(true);
  });

  it('accepts no-break and thin spaces as grouping everywhere but never the decimal mark', () => {
    for (const language of ['en', 'es', 'ja']) {
      const { group, decimal } = numberConvention(language);
      expect(group.has(NBSP)).toBe(true);
      expect(group.has(NNBSP)).toBe(true);
      expect(group.has(decimal)).toBe(false);
    }
    expect(numberConvention('en').group.has(' ')).toBe(false);
  });

  it('falls back instead of throwing on malformed tags', () => {
    expect(numberConvention('').decimal).toBe('.');
    expect(numberConvention('!!not a tag').decimal).toBe('.');
  });
});

describe('extractNumbers', () => {
  it('reads grouping and decimals with the language conventions', () => {
    expect(values('1,275 and 3.5', 'en')).toEqual(['1275', '3.5']);
    expect(values('1.275 y 3,5', 'es')).toEqual(['1275', '3.5']);
    expect(values(`1 275, 1${NBSP}275, 1${NNBSP}275`, 'fr')).toEqual(['1275', '1275', '1275']);
    expect(values('1,234,567.89', 'en')).toEqual(['1234567.89']);
    expect(values('1.234.567,89', 'de')).toEqual(['1234567.89']);
  });

  it('keeps signs, drops ordinal suffixes and percent signs', () => {
    expect(values('It was -5 °C, then −3.', 'en')).toEqual(['-5', '-3']);
    expect(values('the 3rd time, 50% more', 'en')).toEqual(['3', '50']);
    expect(values('el 3.º puesto', 'es')).toEqual(['3']);
  });

  it('does not read hyphens and range dashes as minus signs', () => {
    expect(values('pages 10-20, COVID-19, 2024-01-15', 'en')).toEqual([
      '10',
      '20',
      '19',
      '2024',
      '1',
      '15',
    ]);
  });

  it('splits at separators that do not group', () => {
    expect(values('items 1,2 and 3', 'en')).toEqual(['1', '2', '3']);
    expect(values('in 2020 100 people', 'fr')).toEqual(['2020', '100']);
    expect(values('15:33', 'en')).toEqual(['15', '33']);
  });

  it('reads Indian lakh grouping', () => {
    expect(values('12,34,567', 'hi')).toEqual(['1234567']);
  });

  it('canonicalises leading and trailing zeros', () => {
    expect(values('007 3.50 -0', 'en')).toEqual(['7', '3.5', '0']);
  });

  it('skips digits inside links', () => {
    expect(values('See https://example.com/page2 or mail a1@b2.com, 3 times', 'en')).toEqual(['3']);
  });

  it('ignores digits of other scripts without failing', () => {
    expect(values('٣ and ३ and 五', 'ar')).toEqual([]);
  });
});

describe('checkNumbers', () => {
  it.each([
    ['en 1,275 → es 1.275', pair('1,275 people', '1.275 personas', 'en', 'es')],
    ['en 1,275 → fr space', pair('1,275 people', '1 275 personnes', 'en', 'fr')],
    ['en 1,275 → fr NBSP', pair('1,275 people', `1${NBSP}275 personnes`, 'en', 'fr')],
    ['en 1,275 → fr narrow NBSP', pair('1,275 people', `1${NNBSP}275 personnes`, 'en', 'fr')],
    ['en 1,275 → de 1275', pair('1,275 people', '1275 Menschen', 'en', 'de')],
    ['es 1.275 → en 1,275', pair('1.275 personas', '1,275 people', 'es', 'en')],
    ['en 3.5 → de 3,5', pair('3.5 kg', '3,5 kg', 'en', 'de')],
    ['de 3,5 → en 3.5', pair('3,5 kg', '3.5 kg', 'de', 'en')],
    ['7,000 → 7000', pair('7,000 km', '7000 km', 'en', 'es')],
    ['7000 → 7.000', pair('7000 km', '7.000 km', 'en', 'es')],
    ['en 1,275 kept as-is in es', pair('1,275 people', '1,275 personas', 'en', 'es')],
    ['en 1.275 (decimal) kept as-is in de', pair('1.275 m', '1.275 m', 'en', 'de')],
    ['en 1.275 → de 1,275', pair('1.275 m', '1,275 m', 'en', 'de')],
    ['mixed conventions in one target', pair('3.5% of 1,275', 'el 3,5 % de 1,275', 'en', 'es')],
    ['years', pair('In 2024 and 1999.', 'En 2024 y 1999.', 'en', 'es')],
    ['percentages', pair('50% off', '50 % de descuento', 'en', 'fr')],
    ['negatives with either minus', pair('-5 °C', '−5 °C', 'en', 'de')],
    ['ordinals', pair('the 3rd floor', 'la 3.ª planta', 'en', 'es')],
    ['French ordinals', pair('the 21st century', 'le 21e siècle', 'en', 'fr')],
    ['Korean', pair('1,275 people', '1,275명', 'en', 'ko')],
    ['Japanese with full stop', pair('It costs 3.5 dollars.', '3.5ドルです。', 'en', 'ja')],
    ['de-CH apostrophe', pair("1'234 Franken", '1,234 francs', 'de-CH', 'en')],
    ['lakh', pair('1,234,567 rupees', '12,34,567 रुपये', 'en', 'hi')],
    ['version numbers', pair('version 1.5.3', 'versión 1.5.3', 'en', 'es')],
    ['reordered', pair('5 of 10', '10 中 5', 'en', 'zh')],
    ['no numbers', pair('Hello', 'Hola', 'en', 'es')],
  ])('matches %s', (_name, input) => {
    expect(checkNumbers(input)).toBeNull();
  });

  it('reports a changed number as missing and extra', () => {
    expect(checkNumbers(pair('1,275 people', '1.257 personas'))).toEqual({
      check: 'numbers',
      severity: 'error',
      params: { missing: '1,275', extra: '1.257' },
    });
  });

  it('reports a dropped number with an empty extra list', () => {
    expect(checkNumbers(pair('5 apples and 10 pears', '5 manzanas y peras'))).toEqual({
      check: 'numbers',
      severity: 'error',
      params: { missing: '10', extra: '' },
    });
  });

  it('reports an added number with an empty missing list', () => {
    expect(checkNumbers(pair('Apples', '3 manzanas'))?.params).toEqual({
      missing: '',
      extra: '3',
    });
  });

  it('counts repeats', () => {
    expect(compareNumbers(pair('5 + 5', '5'))).toEqual({ missing: ['5'], extra: [] });
  });

  it('lists several numbers in text order', () => {
    expect(compareNumbers(pair('1, 2, 3 and 4', '1 y 9 y 8'))).toEqual({
      missing: ['2', '3', '4'],
      extra: ['9', '8'],
    });
  });

  it('tells a decimal from a thousands figure', () => {
    expect(checkNumbers(pair('3.5 kg', '35 kg', 'en', 'de'))).not.toBeNull();
    expect(checkNumbers(pair('1,275 people', '1,275 Menschen', 'en', 'de'))).toBeNull();
    expect(checkNumbers(pair('1,275 people', '1,28 Menschen', 'en', 'de'))).not.toBeNull();
  });

  it('tells a negative number from a positive one', () => {
    expect(checkNumbers(pair('-5 °C', '5 °C', 'en', 'es'))).not.toBeNull();
  });

  it('does not fail on digits of other scripts', () => {
    expect(() => checkNumbers(pair('3 apples', '٣ تفاحات', 'en', 'ar'))).not.toThrow();
    expect(checkNumbers(pair('3 apples', '٣ تفاحات', 'en', 'ar'))?.params).toEqual({
      missing: '3',
      extra: '',
    });
  });
});
