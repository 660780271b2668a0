import { describe, expect, it } from 'vitest';
import { flushUnsavedWork, registerUnsavedWork } from './unsaved-work';

describe('unsaved work', () => {
  it('asks every registered holder to store its work, and waits for it', async () => {
    const stored: string[] = [];
    const slow = registerUnsavedWork(
      () => new Promise((resolve) => setTimeout(() => resolve(void stored.push('slow')), 20)),
    );
    const quick = registerUnsavedWork(() => Promise.resolve(void stored.push('quick')));
    await flushUnsavedWork();
    expect(stored.sort()).toEqual(['quick', 'slow']);
    slow();
    quick();
  });

  it('a failing holder does not keep the others from storing', async () => {
    const stored: string[] = [];
    const failing = registerUnsavedWork(() => Promise.reject(new Error('quota')));
    const working = registerUnsavedWork(() => Promise.resolve(void stored.push('ok')));
    await expect(flushUnsavedWork()).resolves.toBeUndefined();
    expect(stored).toEqual(['ok']);
    failing();
    working();
  });

  it('forgets a holder once unregistered', async () => {
    let calls = 0;
    const unregister = registerUnsavedWork(() => {
      calls++;
      return Promise.resolve();
    });
    unregister();
    await flushUnsavedWork();
    expect(calls).toBe(0);
  });
});
