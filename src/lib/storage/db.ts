/**
 * The IndexedDB schema: everything that must survive a reload and work offline.
 *
 * - `articles`: each opened article (its content, header, origin and the reader's choices for it),
 *   keyed by a hash of its content, so opening the same text, file or link again reopens it;
 * - `translationGroups` and `translationKeys`: the persistent translation cache. Translations are
 *   stored in groups (up to a few hundred per record) under their route — engine, its identity,
 *   languages — and the moment they were stored; `translationKeys` holds each group's text hashes
 *   alone, so the texts a route has can be known without reading the translations. IndexedDB's
 *   cost is per operation: one record per text made storing and looking up a long document cost
 *   seconds of CPU that a local engine on the same cores needed. Only successful, non-empty
 *   translations are written. (Version 2 kept one record per text in `translations`; the upgrade
 *   moves them into groups.)
 *
 * Upgrades run in order from the stored version; add a step, never edit an old one.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ArticleDraft } from '../../domain/article/types';
import type { Glossary, MtOrigin, ReviewComment, SegmentStatus } from '../../domain/review/types';

export const DB_NAME = 'interlinear';
export const DB_VERSION = 3;

export type ArticleOrigin =
  | { kind: 'paste' }
  | { kind: 'file'; fileName: string; encoding: string }
  | { kind: 'link' }
  | { kind: 'sample'; sampleId: string };

export interface ArticleRecord {
  id: string;
  draft: ArticleDraft;
  origin: ArticleOrigin;
  /** What detection said, as a BCP 47 tag; null when the text was too short to tell. */
  detectedLanguage: string | null;
  /** The reader's override of the source language; null follows detection. */
  sourceLanguage: string | null;
  createdAt: number;
  openedAt: number;
  /** How far each target language got, for the library list (the texts live in the cache). */
  translations?: Record<string, TranslationProgressRecord>;
}

export interface TranslationProgressRecord {
  translated: number;
  total: number;
  provider: string;
  updatedAt: number;
}

/** One translation as the cache hands it out (and as version 2 stored it, one record each). */
export interface TranslationRecord {
  key: string;
  translation: string;
  provider: string;
  cacheIdentity: string;
  from: string;
  to: string;
  createdAt: number;
}

/** An engine route: `${provider}|${cacheIdentity}|${from}|${to}`. */
export interface TranslationGroupRecord {
  route: string;
  /** When the group was stored (zero-padded base-36 time) and a random tail: later wins. */
  stamp: string;
  provider: string;
  cacheIdentity: string;
  from: string;
  to: string;
  entries: { hash: string; translation: string; createdAt: number }[];
}

export interface TranslationKeysRecord {
  route: string;
  stamp: string;
  hashes: string[];
}

/**
 * One reviewed row of one article in one target language. Rows are stored one by one, each with
 * its own revision, so two tabs editing different rows never touch each other's work and two
 * tabs editing the same row find out (see lib/review-store.ts).
 */
export interface ReviewRowRecord {
  /** `${articleId}|${targetLanguage}` */
  reviewId: string;
  index: number;
  /** The source text the row was reviewed against: an edited article no longer matches. */
  source: string;
  target: string;
  mt: string | null;
  mtOrigin: MtOrigin | null;
  status: SegmentStatus;
  comments: ReviewComment[];
  timeSpentMs: number;
  updatedAt: number;
  /** Bumped by every save; a save based on an older revision is a conflict, not an overwrite. */
  revision: number;
  /** Which tab saved it last (random per tab), to tell our own broadcasts from others'. */
  writer: string;
}

export interface GlossaryRecord extends Glossary {
  /** `${sourceLanguage}|${targetLanguage}` */
  id: string;
  updatedAt: number;
}

interface InterlinearSchema extends DBSchema {
  articles: { key: string; value: ArticleRecord; indexes: { openedAt: number } };
  translationGroups: { key: [string, string]; value: TranslationGroupRecord };
  translationKeys: { key: [string, string]; value: TranslationKeysRecord };
  reviewRows: { key: [string, number]; value: ReviewRowRecord; indexes: { reviewId: string } };
  glossaries: { key: string; value: GlossaryRecord };
}

export type InterlinearDb = IDBPDatabase<InterlinearSchema>;

let dbPromise: Promise<InterlinearDb> | null = null;

export function getDb(): Promise<InterlinearDb> {
  dbPromise ??= openDB<InterlinearSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      // Stores a later version dropped are typed loosely: the current schema no longer has them.
      if (oldVersion < 1) {
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('openedAt', 'openedAt');
        (db as unknown as IDBPDatabase).createObjectStore('translations', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const rows = db.createObjectStore('reviewRows', { keyPath: ['reviewId', 'index'] });
        rows.createIndex('reviewId', 'reviewId');
        db.createObjectStore('glossaries', { keyPath: 'id' });
      }
      if (oldVersion < 3) {
        db.createObjectStore('translationGroups', { keyPath: ['route', 'stamp'] });
        db.createObjectStore('translationKeys', { keyPath: ['route', 'stamp'] });
        // The upgrade transaction stays open while the requests chained here are pending.
        void moveToGroups(
          transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>,
        );
      }
    },
    blocking() {
      // A newer tab wants to upgrade: step aside rather than block it.
      void dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
  }).catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

/** For tests: forget the open connection. */
export async function closeDbForTests(): Promise<void> {
  const db = await dbPromise;
  db?.close();
  dbPromise = null;
}

/** Version 3: the one-record-per-text cache becomes group records, then goes. */
async function moveToGroups(
  transaction: IDBPTransaction<unknown, string[], 'versionchange'>,
): Promise<void> {
  const records = (await transaction.objectStore('translations').getAll()) as TranslationRecord[];
  const groups = transaction.objectStore('translationGroups');
  const keys = transaction.objectStore('translationKeys');
  await Promise.all(
    groupForStorage(records, legacyStamp).flatMap((group) => [
      groups.put(group),
      keys.put(keysOf(group)),
    ]),
  );
  transaction.db.deleteObjectStore('translations');
}

/** Most translations one group record holds: reading one of them reads the group. */
export const GROUP_SIZE = 400;

/** The route part of a translation cache key (everything before the text hash). */
export function splitCacheKey(key: string): { route: string; hash: string } {
  const cut = key.lastIndexOf('|');
  return cut < 0
    ? { route: '', hash: key }
    : { route: key.slice(0, cut), hash: key.slice(cut + 1) };
}

/** A stamp for a group stored at `time`: ordered by time as strings, unique by its tail. */
export function groupStamp(time: number): string {
  return `${stampTime(time)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The time part of a stamp: every stamp of that millisecond or later sorts at or after it. */
export function stampTime(time: number): string {
  return Math.max(0, Math.floor(time)).toString(36).padStart(10, '0');
}

function legacyStamp(records: TranslationRecord[], index: number): string {
  const newest = Math.max(...records.map((record) => record.createdAt));
  return `${stampTime(newest)}-v2-${index.toString(36).padStart(6, '0')}`;
}

/**
 * Translations as group records: one route per group, at most GROUP_SIZE each, in the order given
 * (a later translation of the same text replaces an earlier one in the same batch).
 */
export function groupForStorage(
  records: readonly TranslationRecord[],
  stamp: (records: TranslationRecord[], index: number) => string,
): TranslationGroupRecord[] {
  const byRoute = new Map<string, Map<string, TranslationRecord>>();
  for (const record of records) {
    const { route, hash } = splitCacheKey(record.key);
    let texts = byRoute.get(route);
    if (!texts) byRoute.set(route, (texts = new Map<string, TranslationRecord>()));
    texts.delete(hash);
    texts.set(hash, record);
  }
  const groups: TranslationGroupRecord[] = [];
  for (const [route, texts] of byRoute) {
    const all = [...texts];
    for (let start = 0; start < all.length; start += GROUP_SIZE) {
      const part = all.slice(start, start + GROUP_SIZE);
      const first = part[0]?.[1];
      if (!first) continue;
      groups.push({
        route,
        stamp: stamp(
          part.map(([, record]) => record),
          groups.length,
        ),
        provider: first.provider,
        cacheIdentity: first.cacheIdentity,
        from: first.from,
        to: first.to,
        entries: part.map(([hash, record]) => ({
          hash,
          translation: record.translation,
          createdAt: record.createdAt,
        })),
      });
    }
  }
  return groups;
}

export function keysOf(group: TranslationGroupRecord): TranslationKeysRecord {
  return { route: group.route, stamp: group.stamp, hashes: group.entries.map((e) => e.hash) };
}
