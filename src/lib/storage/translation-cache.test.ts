import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import {
  DB_NAME,
  GROUP_SIZE,
  closeDbForTests,
  getDb,
  groupForStorage,
  groupStamp,
  keysOf,
  splitCacheKey,
  type TranslationRecord,
} from './db';
import {
  WRITE_MAX_DELAY_MS,
  clearCachedTranslations,
  flushCacheWrites,
  forgetCacheMemoryForTests,
  forgetRecentGroupsForTests,
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

/** What IndexedDB itself holds for a key (the newest group's translation), memory aside. */
async function stored(key: string): Promise<{ translation: string } | undefined> {
  const db = await getDb();
  const { route, hash } = splitCacheKey(key);
  const groups = await db.getAll(
    'translationGroups',
    IDBKeyRange.bound([route, ''], [route, '\uffff']),
  );
  return groups
    .flatMap((group) => group.entries)
    .filter((entry) => entry.hash === hash)
    .at(-1);
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

  it('reads back from IndexedDB in a new page, the newest translation of a text winning', async () => {
    const key = (i: number) => `apertium|http://localhost:2737|en|es|h${i}`;
    for (let i = 0; i < 900; i++) writeCachedTranslation(record(key(i)));
    writeCachedTranslation({ ...record('deepl||en|de|h1'), provider: 'deepl', to: 'de' });
    await flushCacheWrites();
    writeCachedTranslation(record(key(7), 'retranslated'));
    await flushCacheWrites();

    forgetCacheMemoryForTests();
    const [first, seventh, last, german, missing] = await Promise.all([
      readCachedTranslation(key(0)),
      readCachedTranslation(key(7)),
      readCachedTranslation(key(899)),
      readCachedTranslation('deepl||en|de|h1'),
      readCachedTranslation(key(900)),
    ]);
    expect(first).toEqual(record(key(0)));
    expect(seventh?.translation).toBe('retranslated');
    expect(last?.translation).toBe(`translated ${key(899)}`);
    expect(german).toMatchObject({ provider: 'deepl', to: 'de', key: 'deepl||en|de|h1' });
    expect(missing).toBeUndefined();
    expect(await measureTranslationCache()).toMatchObject({ entries: 901 });
  });

  it('answers a miss without reading a record, and a thousand hits with a few', async () => {
    const key = (i: number) => `apertium|x|en|es|h${i}`;
    for (let i = 0; i < 1000; i++) writeCachedTranslation(record(key(i)));
    await flushCacheWrites();
    forgetCacheMemoryForTests();
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const misses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => readCachedTranslation(key(1000 + i))),
    );
    expect(misses.every((value) => value === undefined)).toBe(true);
    expect(gets).not.toHaveBeenCalled();

    const hits = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => readCachedTranslation(key(i))),
    );
    expect(hits.every((value, i) => value?.translation === `translated ${key(i)}`)).toBe(true);
    // A thousand translations in groups of at most GROUP_SIZE.
    expect(gets.mock.calls.length).toBeLessThanOrEqual(Math.ceil(1000 / GROUP_SIZE));
    gets.mockRestore();
  });

  it('finds what another tab stored after this page last looked', async () => {
    const key = 'apertium|x|en|es|other';
    expect(await readCachedTranslation(key)).toBeUndefined();
    // Another tab's write: straight into IndexedDB, unknown to this page's memory.
    const db = await getDb();
    const [group] = groupForStorage([record(key, 'from the other tab')], () =>
      groupStamp(Date.now()),
    );
    await db.put('translationGroups', group!);
    await db.put('translationKeys', keysOf(group!));
    expect((await readCachedTranslation(key))?.translation).toBe('from the other tab');
  });

  it('forgets groups cleared by another tab, reading them once and no more', async () => {
    const key = 'apertium|x|en|es|cleared';
    writeCachedTranslation(record(key));
    await flushCacheWrites();
    expect((await readCachedTranslation(key))?.translation).toBe(`translated ${key}`);
    // Another tab clears the cache: this page's directory still lists the text.
    const db = await getDb();
    await db.clear('translationGroups');
    await db.clear('translationKeys');
    forgetRecentGroupsForTests();
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect(await readCachedTranslation(key)).toBeUndefined();
    expect(gets).toHaveBeenCalledTimes(1);
    expect(await readCachedTranslation(key)).toBeUndefined();
    expect(gets).toHaveBeenCalledTimes(1);
    gets.mockRestore();
  });
});

describe('upgrading a version 2 cache', () => {
  it('moves one-record-per-text translations into groups, keeping every one', async () => {
    await closeDbForTests();
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'id' }).createIndex('openedAt', 'openedAt');
        db.createObjectStore('translations', { keyPath: 'key' });
        db.createObjectStore('reviewRows', { keyPath: ['reviewId', 'index'] });
        db.createObjectStore('glossaries', { keyPath: 'id' });
      },
    });
    const key = (i: number) => `apertium|x|en|es|v${i}`;
    const tx = v2.transaction('translations', 'readwrite');
    for (let i = 0; i < 1000; i++) void tx.store.put(record(key(i)));
    void tx.store.put({ ...record('deepl||en|de|v0'), provider: 'deepl', to: 'de' });
    await tx.done;
    v2.close();

    forgetCacheMemoryForTests();
    const db = await getDb();
    expect([...db.objectStoreNames]).not.toContain('translations');
    expect(await readCachedTranslation(key(999))).toEqual(record(key(999)));
    expect((await readCachedTranslation('deepl||en|de|v0'))?.provider).toBe('deepl');
    expect(await measureTranslationCache()).toMatchObject({ entries: 1001 });
    expect(await db.count('translationGroups')).toBe(Math.ceil(1000 / GROUP_SIZE) + 1);
  });
});
