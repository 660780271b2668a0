import { describe, expect, it } from 'vitest';
import { joinPieces, splitForLimit } from './split';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('splitForLimit', () => {
  it('keeps a short text whole', () => {
    expect(splitForLimit('  One sentence.  ', 100)).toEqual(['One sentence.']);
    expect(splitForLimit('   ', 100)).toEqual([]);
  });

  it('splits at sentence boundaries and never exceeds the limit', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const pieces = splitForLimit(text, 120, 'en');
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(120);
      expect(piece).toMatch(/\.$/);
    }
    expect(words(pieces.join(' '))).toEqual(words(text));
  });

  it('falls back to words for one very long sentence', () => {
    const text = `${'word '.repeat(100)}end.`;
    const pieces = splitForLimit(text, 50, 'en');
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(50);
    expect(words(pieces.join(' '))).toEqual(words(text));
  });

  it('cuts an unbroken run by code points without splitting surrogate pairs', () => {
    const text = '😀'.repeat(30);
    const pieces = splitForLimit(text, 7);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(7);
      expect(piece).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('splits Korean text at sentence ends', () => {
    const text = '서울 지하철은 붐볐다. 시민들은 불편을 호소했다. 시는 대책을 내놓았다.';
    const pieces = splitForLimit(text, 20, 'ko');
    expect(pieces).toEqual([
      '서울 지하철은 붐볐다.',
      '시민들은 불편을 호소했다.',
      '시는 대책을 내놓았다.',
    ]);
  });
});

describe('joinPieces', () => {
  it('joins with a space, or without one for unspaced scripts', () => {
    expect(joinPieces(['Hola.', 'Adiós.'], 'es')).toBe('Hola. Adiós.');
    expect(joinPieces(['你好。', '再见。'], 'zh')).toBe('你好。再见。');
  });
});
