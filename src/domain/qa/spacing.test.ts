import { describe, expect, it } from 'vitest';
import type { QaInput } from './checks';
import { checkDoubleSpaces, checkWhitespace, countDoubleSpaces } from './spacing';

function pair(source: string, target: string): QaInput {
  return { source, target, sourceLanguage: 'en', targetLanguage: 'fr' };
}

describe('checkWhitespace', () => {
  it('passes when both ends match', () => {
    expect(checkWhitespace(pair('Hello', 'Bonjour'))).toBeNull();
    expect(checkWhitespace(pair(' Hello\n', ' Bonjour\n'))).toBeNull();
  });

  it('treats all space characters alike and CRLF like LF', () => {
    expect(checkWhitespace(pair('Hello ', 'Bonjour\u00a0'))).toBeNull();
    expect(checkWhitespace(pair('Hello\r\n', 'Bonjour\n'))).toBeNull();
  });

  it('reports which end differs', () => {
    expect(checkWhitespace(pair(' Hello', 'Bonjour'))).toEqual({
      check: 'whitespace',
      severity: 'warning',
      params: { position: 'leading' },
    });
    expect(checkWhitespace(pair('Hello', 'Bonjour '))?.params).toEqual({ position: 'trailing' });
    expect(checkWhitespace(pair('\nHello\n', 'Bonjour'))?.params).toEqual({ position: 'both' });
  });

  it('tells a line break from a space and counts them', () => {
    expect(checkWhitespace(pair('Hello\n', 'Bonjour '))).not.toBeNull();
    expect(checkWhitespace(pair('Hello\n\n', 'Bonjour\n'))).not.toBeNull();
  });
});

describe('checkDoubleSpaces', () => {
  it('passes with single spaces, or when the source has the double space too', () => {
    expect(checkDoubleSpaces(pair('a b', 'c d'))).toBeNull();
    expect(checkDoubleSpaces(pair('a  b', 'c  d'))).toBeNull();
  });

  it('flags a double space the source does not have, no-break spaces included', () => {
    expect(checkDoubleSpaces(pair('a b', 'c  d'))).toEqual({
      check: 'double-spaces',
      severity: 'warning',
    });
    expect(checkDoubleSpaces(pair('a b', 'c\u00a0 d'))).not.toBeNull();
    expect(checkDoubleSpaces(pair('a b', 'c\u3000\u3000d'))).not.toBeNull();
  });

  it('leaves the ends and line breaks to the whitespace check', () => {
    expect(countDoubleSpaces('  a b  ')).toBe(0);
    expect(countDoubleSpaces('a\n\nb')).toBe(0);
    expect(countDoubleSpaces('a  b   c')).toBe(2);
  });
});
