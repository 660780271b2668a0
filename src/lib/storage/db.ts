/**
 * The IndexedDB schema: everything that must survive a reload and work offline.
 *
 * - `articles`: each opened article (its content, header, origin and the reader's choices for it),
 *   keyed by a hash of its content, so opening the same text, file or link again reopens it;
 * - `translations`: the persistent translation cache, keyed per the cache-key rule (engine, its
 *   identity, languages, text hash). Only successful, non-empty translations are written.
 *
 * Upgrades run in order from the stored version; add a step, never edit an old one.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ArticleDraft } from '../../domain/article/types';
import type { Glossary, MtOrigin, ReviewComment, SegmentStatus } from '../../domain/review/types';

export const DB_NAME = 'interlinear';
export const DB_VERSION = 2;

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

export interface TranslationRecord {
  key: string;
  translation: string;
  provider: string;
  cacheIdentity: string;
  from: string;
  to: string;
  createdAt: number;
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
  translations: { key: string; value: TranslationRecord };
  reviewRows: { key: [string, number]; value: ReviewRowRecord; indexes: { reviewId: string } };
  glossaries: { key: string; value: GlossaryRecord };
}

export type InterlinearDb = IDBPDatabase<InterlinearSchema>;

let dbPromise: Promise<InterlinearDb> | null = null;

export function getDb(): Promise<InterlinearDb> {
  dbPromise ??= openDB<InterlinearSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('openedAt', 'openedAt');
        db.createObjectStore('translations', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const rows = db.createObjectStore('reviewRows', { keyPath: ['reviewId', 'index'] });
        rows.createIndex('reviewId', 'reviewId');
        db.createObjectStore('glossaries', { keyPath: 'id' });
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
