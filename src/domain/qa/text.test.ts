import { describe, expect, it } from 'vitest';
import {
  codePointAfter,
  codePointBefore,
  diffMultisets,
  fold,
  isCjkLanguage,
  leadingWhitespace,
  letterWords,
  primaryLanguage,
  sameScript,
  scriptOf,
  trailingWhitespace,
} from './text';

describe('primaryLanguage', () => {
  it('takes the primary subtag, lower-cased', () => {
    expect(primaryLanguage('pt-BR')).toBe('pt');
    expect(primaryLanguage('ZH_Hant')).toBe('zh');
    expect(primaryLanguage(' ko ')).toBe('ko');
  });

  it('gives an empty string for unusable tags', () => {
    expect(primaryLanguage('')).toBe('');
    expect(primaryLanguage('x')).toBe('');
    expect(primaryLanguage('123')).toBe('');
  });

  it('knows the CJK languages', () => {
    expect(['zh-CN', 'ja', 'ko-KR', 'en', 'vi'].map(isCjkLanguage)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('whitespace and case', () => {
  it('finds whitespace at either end', () => {
    expect(leadingWhitespace('\n\u00a0 a b ')).toBe('\n\u00a0 ');
    expect(trailingWhitespace(' a b \u3000\n')).toBe(' \u3000\n');
    expect(leadingWhitespace('   ')).toBe('   ');
    expect(trailingWhitespace('')).toBe('');
  });

  it('folds case, normal form and whitespace runs', () => {
    expect(fold('  Cafe\u0301\n\tLATTE ')).toBe('café latte');
  });
});

describe('code points', () => {
  it('keeps surrogate pairs whole and tolerates lone halves', () => {
    expect(codePointBefore('a😀', 3)).toBe('😀');
    expect(codePointAfter('😀a', 0)).toBe('😀');
    expect(codePointBefore('\ude00', 1)).toBe('\ude00');
    expect(codePointBefore('abc', 0)).toBe('');
    expect(codePointAfter('abc', 3)).toBe('');
  });
});

describe('scripts', () => {
  it('names the script of letters and treats other characters as common', () => {
    expect(scriptOf('a')).toBe('Latin');
    expect(scriptOf('ж')).toBe('Cyrillic');
    expect(scriptOf('語')).toBe('Han');
    expect(scriptOf('한')).toBe('Hangul');
    expect(scriptOf('3')).toBe('common');
    expect(sameScript('a', '3')).toBe(true);
    expect(sameScript('a', 'ж')).toBe(false);
    expect(sameScript('e', 'で')).toBe(false);
  });
});

describe('letterWords', () => {
  it('keeps words with letters and drops numbers, codes and emoji', () => {
    expect(letterWords('Call 555 or A4 now 😀', 'en')).toEqual(['Call', 'or', 'now']);
    expect(letterWords('مرحبا بك', 'ar')).toEqual(['مرحبا', 'بك']);
  });
});

describe('diffMultisets', () => {
  it('reports what is missing and extra, counting repeats, in order', () => {
    expect(diffMultisets(['a', 'b', 'b', 'c'], ['b', 'd', 'a', 'e'])).toEqual({
      missing: ['b', 'c'],
      extra: ['d', 'e'],
    });
    expect(diffMultisets(['x'], ['x', 'x'])).toEqual({ missing: [], extra: ['x'] });
    expect(diffMultisets([], [])).toEqual({ missing: [], extra: [] });
  });
});
