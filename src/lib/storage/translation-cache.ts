/**
 * The persistent translation cache. Reads that arrive in the same task share one IndexedDB
 * transaction, so opening a long article costs one transaction, not one per paragraph. Empty
 * translations are refused: a cached empty result would never heal by itself.
 *
 * Writes are background work. While an engine is still being waited on (`holdCacheWrites`), new
 * translations wait in memory, where reads find them too, and go to IndexedDB together once the
 * engines are idle — or after WRITE_MAX_DELAY_MS of continuous work, or when the page is hidden.
 * On a small machine the engine may share the reader's cores; storing a thousand records while it
 * translates slows it down (measured by `npm run bench`).
 */
import { getDb, type InterlinearDb, type TranslationRecord } from './db';

interface Lookup {
  key: string;
  resolve: (value: TranslationRecord | undefined) => void;
}

/** Lookups answered together; about one engine request's worth of paragraphs. */
const READ_CHUNK = 32;

/** Longest a translation waits in memory while engines keep working. */
export const WRITE_MAX_DELAY_MS = 10_000;

let pendingReads: Lookup[] = [];
const pendingWrites = new Map<string, TranslationRecord>();
let readScheduled = false;
let holds = 0;
let idleFlushScheduled = false;
let maxDelayTimer: ReturnType<typeof setTimeout> | null = null;
/** Handed to IndexedDB, not yet confirmed stored; reads still find them here. */
const writing = new Map<string, TranslationRecord>();
const inFlight = new Set<Promise<void>>();
/** The database once open, so a flush can issue its writes without waiting a microtask. */
let openDb: InterlinearDb | null = null;

export function readCachedTranslation(key: string): Promise<TranslationRecord | undefined> {
  const unwritten = pendingWrites.get(key) ?? writing.get(key);
  if (unwritten) return Promise.resolve(unwritten);
  return new Promise((resolve) => {
    pendingReads.push({ key, resolve });
    if (readScheduled) return;
    readScheduled = true;
    setTimeout(() => void flushReads(), 0);
  });
}

async function flushReads(): Promise<void> {
  readScheduled = false;
  const batch = pendingReads;
  pendingReads = [];
  try {
    const db = await getDb();
    openDb = db;
    const tx = db.transaction('translations', 'readonly');
    // Answers go out a handful at a time: the first paragraphs can be on their way to the engine
    // while the rest of a long article is still being looked up, and they still go together, as
    // one request rather than one each.
    // (All reads are issued at once: a transaction with nothing pending commits.)
    const reads = batch.map(({ key }) => tx.store.get(key).catch(() => undefined));
    for (let start = 0; start < batch.length; start += READ_CHUNK) {
      const values = await Promise.all(reads.slice(start, start + READ_CHUNK));
      values.forEach((value, i) => batch[start + i]?.resolve(value));
    }
  } catch (error) {
    // A cache that cannot be read is a cache miss, not a failed translation.
    for (const { resolve } of batch) resolve(undefined);
    console.warn('Translation cache unavailable', error);
  }
}

export function writeCachedTranslation(record: TranslationRecord): void {
  if (record.translation.trim() === '') return;
  pendingWrites.set(record.key, record);
  maxDelayTimer ??= setTimeout(() => {
    maxDelayTimer = null;
    void flushCacheWrites();
  }, WRITE_MAX_DELAY_MS);
  if (holds === 0) scheduleIdleFlush();
}

/**
 * Says an engine is being waited on: cache writes wait until every hold is released. Returns the
 * release function (calling it twice releases once).
 */
export function holdCacheWrites(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds === 0 && pendingWrites.size > 0) scheduleIdleFlush();
  };
}

function scheduleIdleFlush(): void {
  if (idleFlushScheduled) return;
  idleFlushScheduled = true;
  const flushIfIdle = () => {
    idleFlushScheduled = false;
    if (holds === 0) void flushCacheWrites();
  };
  // After the frame that shows the last answers, and a task later at the least, so the next text
  // asked for in the same breath can take a hold first.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flushIfIdle, { timeout: 500 });
  else setTimeout(flushIfIdle, 0);
}

/**
 * Writes every waiting translation now; resolves once they are stored (or failed to be). The
 * writes are issued and committed in the same task when the database is open, so a flush from
 * `pagehide` reaches IndexedDB before the page goes away.
 */
export function flushCacheWrites(): Promise<void> {
  if (maxDelayTimer) {
    clearTimeout(maxDelayTimer);
    maxDelayTimer = null;
  }
  if (pendingWrites.size > 0) {
    const batch = [...pendingWrites.values()];
    pendingWrites.clear();
    for (const record of batch) writing.set(record.key, record);
    const done = openDb
      ? writeRecords(openDb, batch)
      : getDb().then((db) => {
          openDb = db;
          return writeRecords(db, batch);
        });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  }
  return Promise.all(inFlight).then(() => undefined);
}

/**
 * One transaction for the whole batch: IndexedDB runs a page's write transactions one after
 * another, and those still queued when the page unloads are aborted, so several small ones would
 * lose the last when the reader reloads right after the translation finishes.
 */
async function writeRecords(db: InterlinearDb, batch: TranslationRecord[]): Promise<void> {
  try {
    const tx = db.transaction('translations', 'readwrite');
    const puts = batch.map((record) => tx.store.put(record));
    tx.commit();
    await Promise.all([...puts, tx.done]);
  } catch (error) {
    // A cache that cannot be written is no failure of the translation itself; what could not be
    // stored is dropped rather than retried forever.
    console.warn('Translation cache write failed', error);
  } finally {
    for (const record of batch) {
      if (writing.get(record.key) === record) writing.delete(record.key);
    }
  }
}

if (typeof document !== 'undefined') {
  // Leaving or hiding the page stores what waits: the reader may not come back to this tab.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushCacheWrites();
  });
  window.addEventListener('pagehide', () => void flushCacheWrites());
}

export interface CacheUsage {
  entries: number;
  /** Approximate bytes of text held (UTF-16), without IndexedDB's own overhead. */
  bytes: number;
}

/** How much the cache holds, for the settings' "cache size" line. */
export async function measureTranslationCache(): Promise<CacheUsage> {
  await flushCacheWrites();
  const db = await getDb();
  let entries = 0;
  let bytes = 0;
  let cursor = await db.transaction('translations').store.openCursor();
  while (cursor) {
    entries++;
    const { key, translation, provider, cacheIdentity, from, to } = cursor.value;
    bytes +=
      2 *
      (key.length +
        translation.length +
        provider.length +
        cacheIdentity.length +
        from.length +
        to.length);
    cursor = await cursor.continue();
  }
  return { entries, bytes };
}

export async function clearCachedTranslations(): Promise<void> {
  pendingWrites.clear();
  await Promise.all(inFlight);
  const db = await getDb();
  await db.clear('translations');
}
