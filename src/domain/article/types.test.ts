import { describe, expect, it } from 'vitest';
import type { Block } from './types';

describe('article types', () => {
  it('a block keeps its words', () => {
    const block: Block = { kind: 'paragraph', text: 'Hello world.' };
    expect(block.text).toBe('Hello world.');
  });
});
