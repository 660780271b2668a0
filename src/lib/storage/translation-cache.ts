/**
 * The persistent translation cache. Reads that arrive in the same task share one IndexedDB
 * transaction, so opening a long article costs one transaction, not one per paragraph. Writes
 * are batched the same way. Empty translations are refused: a cached empty result would never
 * heal by itself.
 */
import { getDb, type TranslationRecord } from './db';

interface Lookup {
  key: string;
  resolve: (value: TranslationRecord | undefined) => void;
}

/** Lookups answered together; about one engine request's worth of paragraphs. */
const READ_CHUNK = 32;

let pendingReads: Lookup[] = [];
let pendingWrites: TranslationRecord[] = [];
let readScheduled = false;
let writeScheduled = false;

export function readCachedTranslation(key: string): Promise<TranslationRecord | undefined> {
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
  pendingWrites.push(record);
  if (writeScheduled) return;
  writeScheduled = true;
  setTimeout(() => void flushWrites(), 0);
}

async function flushWrites(): Promise<void> {
  writeScheduled = false;
  const batch = pendingWrites;
  pendingWrites = [];
  if (batch.length === 0) return;
  try {
    const db = await getDb();
    const tx = db.transaction('translations', 'readwrite');
    await Promise.all([...batch.map((record) => tx.store.put(record)), tx.done]);
  } catch (error) {
    console.warn('Translation cache write failed', error);
  }
}

export interface CacheUsage {
  entries: number;
  /** Approximate bytes of text held (UTF-16), without IndexedDB's own overhead. */
  bytes: number;
}

/** How much the cache holds, for the settings' "cache size" line. */
export async function measureTranslationCache(): Promise<CacheUsage> {
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
  const db = await getDb();
  await db.clear('translations');
}
