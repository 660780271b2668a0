import { describe, expect, it } from 'vitest';
import {
  apertiumCodeToBcp47,
  bcp47ToApertiumCode,
  bcp47ToIso3,
  iso3ToBcp47,
  languageDirection,
  primarySubtag,
  sameLanguage,
} from './codes';

describe('language codes', () => {
  it('maps ISO 639-3 to BCP 47 and back for the Apertium pairs', () => {
    expect(iso3ToBcp47('eng')).toBe('en');
    expect(iso3ToBcp47('spa')).toBe('es');
    expect(iso3ToBcp47('cat')).toBe('ca');
    expect(bcp47ToIso3('en')).toBe('eng');
    expect(bcp47ToIso3('es')).toBe('spa');
    expect(bcp47ToIso3('ca-valencia')).toBe('cat');
    expect(bcp47ToIso3('zh')).toBe('zho');
    expect(bcp47ToIso3('ar')).toBe('ara');
  });

  it('passes unknown codes through', () => {
    expect(iso3ToBcp47('xyz')).toBe('xyz');
    expect(bcp47ToIso3('qaa')).toBe('qaa');
  });

  it('turns Apertium variants into valid BCP 47 tags and back', () => {
    const cases: [string, string][] = [
      ['eng', 'en'],
      ['eng_US', 'en-US'],
      ['cat_valencia', 'ca-valencia'],
      ['cat_iec2017', 'ca-iec2017'],
      ['cat_valencia_uni', 'ca-valencia-x-uni'],
    ];
    for (const [apertium, bcp47] of cases) {
      expect(apertiumCodeToBcp47(apertium)).toBe(bcp47);
      expect(Intl.getCanonicalLocales(bcp47)).toHaveLength(1);
      expect(bcp47ToApertiumCode(bcp47)).toBe(apertium);
    }
  });

  it('knows right-to-left languages', () => {
    expect(languageDirection('ar')).toBe('rtl');
    expect(languageDirection('he-IL')).toBe('rtl');
    expect(languageDirection('ko')).toBe('ltr');
  });

  it('compares languages by primary subtag', () => {
    expect(primarySubtag('en-US')).toBe('en');
    expect(sameLanguage('en', 'en-US')).toBe(true);
    expect(sameLanguage('ca', 'es')).toBe(false);
  });
});
