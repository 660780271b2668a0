import { describe, expect, it } from 'vitest';
import { hashText } from './hash';

describe('hashText', () => {
  it('is stable for the same text', () => {
    expect(hashText('Hello world.')).toBe(hashText('Hello world.'));
  });

  it('differs for texts that differ by one character or by order', () => {
    const seen = new Set([
      hashText('Hello world.'),
      hashText('Hello world!'),
      hashText('world. Hello'),
      hashText('hello world.'),
      hashText(''),
    ]);
    expect(seen.size).toBe(5);
  });

  it('does not collide across many short similar strings', () => {
    const hashes = new Set<string>();
    for (let i = 0; i < 50_000; i++) hashes.add(hashText(`segment ${i}`));
    expect(hashes.size).toBe(50_000);
  });

  it('handles astral characters and Hangul', () => {
    expect(hashText('승인 2018.02.20 15:33')).not.toBe(hashText('승인 2018.02.20 15:34'));
    expect(hashText('😀')).toMatch(/^[0-9a-f]{16}-2$/);
  });
});
