/**
 * The persistent translation cache. Translations are stored in groups per engine route (see
 * db.ts): IndexedDB charges per operation, and one record per text made a 10,000-paragraph
 * document cost ~10,000 lookups and ~10,000 writes — seconds of CPU taken from a local engine on
 * the same cores.
 *
 * Lookups: each route's directory (which text hash is in which group) is read once, from the small
 * `translationKeys` records, and brought up to date before every batch of lookups with the
 * groups stored since (by any tab). A text the directory does not know is a miss without touching
 * the database; a hit reads its group, and groups just read are kept for the texts that follow.
 * Empty translations are refused: a cached empty result would never heal by itself.
 *
 * Writes are background work. While an engine is still being waited on (`holdCacheWrites`), new
 * translations wait in memory, where reads find them too, and go to IndexedDB together once the
 * engines are idle — or after WRITE_MAX_DELAY_MS of continuous work, or when the page is hidden.
 */
import {
  getDb,
  groupForStorage,
  groupStamp,
  keysOf,
  splitCacheKey,
  stampTime,
  type InterlinearDb,
  type TranslationGroupRecord,
  type TranslationRecord,
} from './db';

interface Lookup {
  key: string;
  resolve: (value: TranslationRecord | undefined) => void;
}

/** Longest a translation waits in memory while engines keep working. */
export const WRITE_MAX_DELAY_MS = 10_000;

/**
 * How far back a directory update looks before its last one: a group stamped just before that
 * update by another tab may have been committed just after it.
 */
const DIRECTORY_OVERLAP_MS = 10_000;

/** Groups kept in memory after a lookup read them (reopening reads a document group by group). */
const RECENT_GROUPS = 8;

interface Directory {
  /** Text hash → stamp of the newest group holding it. */
  stamps: Map<string, string>;
  /** When the directory was last brought up to date (ms), or null before its first reading. */
  readAt: number | null;
  /** The update in progress: updates of one route run one after another. */
  updating: Promise<void>;
}

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
const directories = new Map<string, Directory>();
const recentGroups = new Map<string, TranslationGroupRecord>();
/** Bumped by clearing: work begun before a clear must not fill the emptied memory again. */
let generation = 0;

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
    const byRoute = new Map<string, { lookup: Lookup; hash: string }[]>();
    for (const lookup of batch) {
      const { route, hash } = splitCacheKey(lookup.key);
      let list = byRoute.get(route);
      if (!list) byRoute.set(route, (list = []));
      list.push({ lookup, hash });
    }
    const wanted = new Map<string, { route: string; stamp: string }>();
    const hits: { lookup: Lookup; route: string; hash: string; group: string }[] = [];
    for (const [route, lookups] of byRoute) {
      const directory = await updatedDirectory(db, route);
      for (const { lookup, hash } of lookups) {
        const stamp = directory.stamps.get(hash);
        // Unknown to the directory: not stored, and no database work to say so.
        if (stamp === undefined) lookup.resolve(undefined);
        else {
          const group = groupId(route, stamp);
          wanted.set(group, { route, stamp });
          hits.push({ lookup, route, hash, group });
        }
      }
    }
    if (hits.length === 0) return;
    const groups = await readGroups(db, wanted);
    for (const { lookup, route, hash, group } of hits) {
      const record = groups.get(group);
      const entry = record?.entries.find((e) => e.hash === hash);
      lookup.resolve(record && entry ? toTranslation(record, entry) : undefined);
      if (!entry) {
        // The group is gone (the cache was cleared in another tab): forget it, so the next
        // lookup of this text is a miss without a database read.
        const stamps = directories.get(route)?.stamps;
        if (stamps?.get(hash) === wanted.get(group)?.stamp) stamps?.delete(hash);
      }
    }
  } catch (error) {
    // A cache that cannot be read is a cache miss, not a failed translation.
    for (const { resolve } of batch) resolve(undefined);
    console.warn('Translation cache unavailable', error);
  }
}

function groupId(route: string, stamp: string): string {
  return `${route}\u0000${stamp}`;
}

function toTranslation(
  group: TranslationGroupRecord,
  entry: TranslationGroupRecord['entries'][number],
): TranslationRecord {
  return {
    key: `${group.route}|${entry.hash}`,
    translation: entry.translation,
    provider: group.provider,
    cacheIdentity: group.cacheIdentity,
    from: group.from,
    to: group.to,
    createdAt: entry.createdAt,
  };
}

/**
 * The route's directory, brought up to date: read whole the first time, then only the groups
 * stamped since its last update (less an overlap for other tabs' slow commits).
 */
function updatedDirectory(db: InterlinearDb, route: string): Promise<Directory> {
  let directory = directories.get(route);
  if (!directory) {
    directory = { stamps: new Map(), readAt: null, updating: Promise.resolve() };
    directories.set(route, directory);
  }
  const current = directory;
  const startedIn = generation;
  const update = current.updating.then(async () => {
    const startedAt = Date.now();
    const since = current.readAt === null ? '' : stampTime(current.readAt - DIRECTORY_OVERLAP_MS);
    const records = await db.getAll(
      'translationKeys',
      IDBKeyRange.bound([route, since], [route, '\uffff']),
    );
    if (startedIn !== generation) return;
    // In stamp order: a later group's translation of a text replaces an earlier one's.
    for (const { stamp, hashes } of records) {
      for (const hash of hashes) {
        const known = current.stamps.get(hash);
        if (known === undefined || known < stamp) current.stamps.set(hash, stamp);
      }
    }
    current.readAt = startedAt;
  });
  current.updating = update.catch(() => undefined);
  return update.then(() => current);
}

async function readGroups(
  db: InterlinearDb,
  wanted: ReadonlyMap<string, { route: string; stamp: string }>,
): Promise<Map<string, TranslationGroupRecord>> {
  const found = new Map<string, TranslationGroupRecord>();
  const missing: [string, { route: string; stamp: string }][] = [];
  for (const [id, where] of wanted) {
    const recent = recentGroups.get(id);
    if (recent) found.set(id, recent);
    else missing.push([id, where]);
  }
  if (missing.length === 0) return found;
  const startedIn = generation;
  const tx = db.transaction('translationGroups', 'readonly');
  const records = await Promise.all(
    missing.map(([, { route, stamp }]) => tx.store.get([route, stamp])),
  );
  missing.forEach(([id], i) => {
    const record = records[i];
    if (!record) return;
    found.set(id, record);
    if (startedIn !== generation) return;
    recentGroups.delete(id);
    recentGroups.set(id, record);
    while (recentGroups.size > RECENT_GROUPS) {
      const oldest = recentGroups.keys().next().value;
      if (oldest === undefined) break;
      recentGroups.delete(oldest);
    }
  });
  return found;
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
  const startedIn = generation;
  const now = Date.now();
  const groups = groupForStorage(batch, () => groupStamp(now));
  try {
    const tx = db.transaction(['translationGroups', 'translationKeys'], 'readwrite');
    const groupStore = tx.objectStore('translationGroups');
    const keyStore = tx.objectStore('translationKeys');
    const puts = groups.flatMap((group) => [groupStore.put(group), keyStore.put(keysOf(group))]);
    tx.commit();
    await Promise.all([...puts, tx.done]);
    if (startedIn === generation) {
      // This tab's own groups are known at once, without waiting for the next update.
      for (const group of groups) {
        const stamps = directories.get(group.route)?.stamps;
        if (!stamps) continue;
        for (const { hash } of group.entries) {
          const known = stamps.get(hash);
          if (known === undefined || known < group.stamp) stamps.set(hash, group.stamp);
        }
      }
    }
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
  // Texts stored again (a retranslation) count once, as their newest translation.
  const newest = new Map<string, { stamp: string; bytes: number }>();
  let cursor = await db.transaction('translationGroups').store.openCursor();
  while (cursor) {
    const { route, stamp, provider, cacheIdentity, from, to, entries } = cursor.value;
    const perEntry =
      route.length + provider.length + cacheIdentity.length + from.length + to.length;
    for (const { hash, translation } of entries) {
      const key = `${route}|${hash}`;
      const known = newest.get(key);
      if (known && known.stamp > stamp) continue;
      newest.set(key, { stamp, bytes: 2 * (perEntry + 1 + hash.length + translation.length) });
    }
    cursor = await cursor.continue();
  }
  let bytes = 0;
  for (const entry of newest.values()) bytes += entry.bytes;
  return { entries: newest.size, bytes };
}

export async function clearCachedTranslations(): Promise<void> {
  pendingWrites.clear();
  await Promise.all(inFlight);
  generation++;
  directories.clear();
  recentGroups.clear();
  const db = await getDb();
  const tx = db.transaction(['translationGroups', 'translationKeys'], 'readwrite');
  await Promise.all([
    tx.objectStore('translationGroups').clear(),
    tx.objectStore('translationKeys').clear(),
    tx.done,
  ]);
}

/** For tests: forget what this page knows of the stored cache, as a new page would. */
export function forgetCacheMemoryForTests(): void {
  generation++;
  directories.clear();
  recentGroups.clear();
}

/** For tests: drop the groups kept from recent reads, keeping the directories. */
export function forgetRecentGroupsForTests(): void {
  recentGroups.clear();
}
