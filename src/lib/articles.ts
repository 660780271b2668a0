/**
 * Opening and storing articles. An article's id is a hash of its format and content, so the same
 * text, file or link opens the same saved article (its translations and the reader's choices)
 * instead of starting over. Records live in IndexedDB; a copy is also kept in memory so that a
 * browser that refuses storage can still read what it just opened.
 */
import { queryOptions } from '@tanstack/react-query';
import { MAX_FILE_BYTES } from '../domain/article/limits';
import type { ArticleFormat } from '../domain/article/types';
import { getDb, type ArticleRecord } from './storage/db';

export type OpenFailure =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'undecodable'
  | 'unsupported-type'
  | 'read-failed'
  | 'no-content'
  | 'not-xliff';

export class OpenArticleError extends Error {
  readonly reason: OpenFailure;
  readonly fileName: string | null;
  readonly size: number | null;
  constructor(reason: OpenFailure, fileName: string | null = null, size: number | null = null) {
    super(`Cannot open article: ${reason}`);
    this.name = 'OpenArticleError';
    this.reason = reason;
    this.fileName = fileName;
    this.size = size;
  }
}

export type OpenInput =
  | { kind: 'paste'; text: string }
  | { kind: 'link'; text: string; title: string | null; url: string | null }
  | { kind: 'file'; file: File }
  | { kind: 'sample'; sampleId: string; text: string; format: ArticleFormat };

export interface OpenResult {
  id: string;
  /** False when the browser refused to store it: it reads now but will not survive a reload. */
  persisted: boolean;
  /** An XLIFF file opens as a review into its target language. */
  review?: { targetLanguage: string };
}

export { MAX_FILE_BYTES };

const memory = new Map<string, ArticleRecord>();

/**
 * Reading a text into an article (decoding, paragraph reconstruction, language detection) is
 * the heaviest code on the way in and is needed only once a reader opens something: it loads
 * on demand, and `preloadArticleOpener` fetches it the moment the reader shows intent.
 */
const loadOpener = () => import('./open-article');

export function preloadArticleOpener(): void {
  loadOpener().then(
    (opener) => opener.warmUp(),
    () => undefined,
  );
}

export async function openArticle(input: OpenInput): Promise<OpenResult> {
  const opener = await loadOpener();
  return opener.openArticle(input);
}

/** The saved article with this id, as kept in memory or in IndexedDB. */
export async function findArticle(id: string): Promise<ArticleRecord | undefined> {
  return memory.get(id) ?? (await readStored(id));
}

/** Keeps an opened article; false when the browser refused to store it. */
export async function storeArticle(record: ArticleRecord): Promise<boolean> {
  memory.set(record.id, record);
  return writeStored(record);
}

async function readStored(id: string): Promise<ArticleRecord | undefined> {
  try {
    return await (await getDb()).get('articles', id);
  } catch {
    return undefined;
  }
}

/** Tells other tabs the library changed (an article stored or deleted), so their lists follow. */
const libraryChannel =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('interlinear-library') : null;

export function onLibraryChangedElsewhere(listener: () => void): () => void {
  if (!libraryChannel) return () => undefined;
  libraryChannel.addEventListener('message', listener);
  return () => libraryChannel.removeEventListener('message', listener);
}

async function writeStored(record: ArticleRecord): Promise<boolean> {
  try {
    await (await getDb()).put('articles', record);
    libraryChannel?.postMessage('changed');
    return true;
  } catch (error) {
    console.warn('Could not store the article', error);
    return false;
  }
}

export async function getArticle(id: string): Promise<ArticleRecord | null> {
  const record = memory.get(id) ?? (await readStored(id));
  if (record) memory.set(id, record);
  return record ?? null;
}

/** Saves the reader's choices for one article (its source-language override). */
export async function updateArticle(
  id: string,
  patch: Partial<Pick<ArticleRecord, 'sourceLanguage' | 'translations'>>,
): Promise<ArticleRecord | null> {
  const record = await getArticle(id);
  if (!record) return null;
  const next = { ...record, ...patch };
  memory.set(id, next);
  await writeStored(next);
  return next;
}

export async function listRecentArticles(limit = 12): Promise<ArticleRecord[]> {
  try {
    const db = await getDb();
    const records: ArticleRecord[] = [];
    let cursor = await db.transaction('articles').store.index('openedAt').openCursor(null, 'prev');
    while (cursor && records.length < limit) {
      records.push(cursor.value);
      cursor = await cursor.continue();
    }
    return records;
  } catch {
    return [...memory.values()].sort((a, b) => b.openedAt - a.openedAt).slice(0, limit);
  }
}

/**
 * Removes an article and its review (edits, statuses, comments in every target language). The
 * translation cache stays: it is shared by every article with the same text.
 */
export async function deleteArticle(id: string): Promise<void> {
  memory.delete(id);
  const db = await getDb();
  const tx = db.transaction(['articles', 'reviewRows'], 'readwrite');
  await tx.objectStore('articles').delete(id);
  const rows = tx.objectStore('reviewRows');
  const range = IDBKeyRange.bound([`${id}|`, -Infinity], [`${id}|\uffff`, Infinity]);
  let cursor = await rows.openCursor(range);
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
  libraryChannel?.postMessage('changed');
}

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: ['article', id] as const,
    queryFn: () => getArticle(id),
    networkMode: 'always',
  });

export const recentArticlesQuery = queryOptions({
  queryKey: ['articles', 'recent'] as const,
  // The library lists everything saved; a few hundred records are cheap to list and search.
  queryFn: () => listRecentArticles(500),
  networkMode: 'always',
  staleTime: 0,
});
