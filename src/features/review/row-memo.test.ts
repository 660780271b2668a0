import { describe, expect, it, vi } from 'vitest';
import { RowMemo } from './row-memo';

describe('RowMemo', () => {
  it('computes a row once while its inputs stay the same', () => {
    const compute = vi.fn((source: string, target: string) => `${source}→${target}`);
    const memo = new RowMemo(compute);
    const first = memo.get(1, 'a', 'b');
    expect(memo.get(1, 'a', 'b')).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('recomputes only the row whose inputs changed', () => {
    const compute = vi.fn((target: string) => ({ length: target.length }));
    const memo = new RowMemo(compute);
    const one = memo.get(1, 'one');
    const two = memo.get(2, 'two');
    expect(memo.get(2, 'two!')).toEqual({ length: 4 });
    expect(memo.get(1, 'one')).toBe(one);
    expect(memo.get(2, 'two')).not.toBe(two);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('keeps rows apart even when their inputs are equal', () => {
    let calls = 0;
    const memo = new RowMemo((text: string) => ({ text, call: ++calls }));
    expect(memo.get(1, 'same').call).toBe(1);
    expect(memo.get(2, 'same').call).toBe(2);
    expect(memo.get(1, 'same').call).toBe(1);
  });
});
