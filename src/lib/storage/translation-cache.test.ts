import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, type TranslationRecord } from './db';
import {
  WRITE_MAX_DELAY_MS,
  clearCachedTranslations,
  flushCacheWrites,
  holdCacheWrites,
  measureTranslationCache,
  readCachedTranslation,
  writeCachedTranslation,
} from './translation-cache';

const record = (key: string, translation = `translated ${key}`): TranslationRecord => ({
  key,
  translation,
  provider: 'apertium',
  cacheIdentity: 'http://localhost:2737',
  from: 'en',
  to: 'es',
  createdAt: 1,
});

async function stored(key: string): Promise<TranslationRecord | undefined> {
  const db = await getDb();
  return db.get('translations', key);
}

/** Lets zero-delay timers and the IndexedDB work they start run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeEach(async () => {
  await clearCachedTranslations();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('translation cache', () => {
  it('stores a translation and reads it back', async () => {
    writeCachedTranslation(record('a'));
    await settle();
    expect((await stored('a'))?.translation).toBe('translated a');
    expect((await readCachedTranslation('a'))?.translation).toBe('translated a');
    expect(await readCachedTranslation('missing')).toBeUndefined();
  });

  it('never stores an empty translation', async () => {
    writeCachedTranslation(record('empty', '   '));
    await flushCacheWrites();
    expect(await stored('empty')).toBeUndefined();
    expect(await readCachedTranslation('empty')).toBeUndefined();
  });

  it('keeps writes in memory while an engine is waited on, and reads find them there', async () => {
    const release = holdCacheWrites();
    writeCachedTranslation(record('held'));
    await settle();
    expect(await stored('held')).toBeUndefined();
    expect((await readCachedTranslation('held'))?.translation).toBe('translated held');

    release();
    await settle();
    expect((await stored('held'))?.translation).toBe('translated held');
  });

  it('releasing twice releases once', async () => {
    const first = holdCacheWrites();
    const second = holdCacheWrites();
    writeCachedTranslation(record('twice'));
    first();
    first();
    await settle();
    expect(await stored('twice')).toBeUndefined();
    second();
    await settle();
    expect(await stored('twice')).toBeDefined();
  });

  it('stores what waits after the longest delay even while engines stay busy', async () => {
    // Only timers are faked; IndexedDB (fake-indexeddb) runs on setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ticks = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const release = holdCacheWrites();
    writeCachedTranslation(record('slow'));
    await vi.advanceTimersByTimeAsync(WRITE_MAX_DELAY_MS - 1);
    await ticks();
    expect(await stored('slow')).toBeUndefined();

    await vi.advanceTimersByTimeAsync(1);
    await ticks();
    expect(await stored('slow')).toBeDefined();
    release();
  });

  it('stores what waits when the page is hidden', async () => {
    const release = holdCacheWrites();
    writeCachedTranslation(record('hidden'));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(await stored('hidden')).toBeDefined();
    visibility.mockRestore();
    release();
  });

  it('counts waiting writes in the cache size, and clearing drops them', async () => {
    const release = holdCacheWrites();
    writeCachedTranslation(record('one'));
    writeCachedTranslation(record('two'));
    const usage = await measureTranslationCache();
    expect(usage.entries).toBe(2);
    expect(usage.bytes).toBeGreaterThan(0);

    writeCachedTranslation(record('three'));
    await clearCachedTranslations();
    release();
    await settle();
    expect(await readCachedTranslation('three')).toBeUndefined();
    expect((await measureTranslationCache()).entries).toBe(0);
  });

  it('writes a large batch, all of it', async () => {
    const release = holdCacheWrites();
    for (let i = 0; i < 600; i++) writeCachedTranslation(record(`k${i}`));
    release();
    await settle();
    await flushCacheWrites();
    expect((await measureTranslationCache()).entries).toBe(600);
  });
});
