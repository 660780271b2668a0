/**
 * Opening and storing articles. An article's id is a hash of its format and content, so the same
 * text, file or link opens the same saved article (its translations and the reader's choices)
 * instead of starting over. Records live in IndexedDB; a copy is also kept in memory so that a
 * browser that refuses storage can still read what it just opened.
 */
import { queryOptions } from '@tanstack/react-query';
import { decodeArticleBytes, MAX_FILE_BYTES } from '../domain/article/decode';
import { draftText, formatForFileName, ingestText } from '../domain/article/ingest';
import type { ArticleFormat } from '../domain/article/types';
import { hashText } from '../domain/hash';
import { detectLanguage } from '../domain/language/detect';
import { detectWithBrowser } from './language-detector';
import { getDb, type ArticleOrigin, type ArticleRecord } from './storage/db';

export type OpenFailure =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'undecodable'
  | 'unsupported-type'
  | 'read-failed'
  | 'no-content';

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
}

export { MAX_FILE_BYTES };

const memory = new Map<string, ArticleRecord>();

export async function openArticle(input: OpenInput): Promise<OpenResult> {
  const { text, format, origin, title, url } = await readInput(input);
  if (text.trim() === '') throw new OpenArticleError('empty', fileNameOf(input));
  const draft = await ingestText(text, { format, title, url });
  if (draft.blocks.length === 0) throw new OpenArticleError('no-content', fileNameOf(input));

  const id = hashText(`${draft.format}\n${text.replace(/\r\n?/g, '\n').trim()}`);
  const now = Date.now();
  const existing = memory.get(id) ?? (await readStored(id));
  const record: ArticleRecord = existing
    ? { ...existing, openedAt: now }
    : {
        id,
        draft,
        origin,
        detectedLanguage: await detectArticleLanguage(draftText(draft), draft.declaredLanguage),
        sourceLanguage: null,
        createdAt: now,
        openedAt: now,
      };
  memory.set(id, record);
  return { id, persisted: await writeStored(record) };
}

async function readInput(input: OpenInput): Promise<{
  text: string;
  format: ArticleFormat | undefined;
  origin: ArticleOrigin;
  title: string | null;
  url: string | null;
}> {
  switch (input.kind) {
    case 'paste':
      return {
        text: input.text,
        format: undefined,
        origin: { kind: 'paste' },
        title: null,
        url: null,
      };
    case 'link':
      return {
        text: input.text,
        format: undefined,
        origin: { kind: 'link' },
        title: input.title,
        url: input.url,
      };
    case 'sample':
      return {
        text: input.text,
        format: input.format,
        origin: { kind: 'sample', sampleId: input.sampleId },
        title: null,
        url: null,
      };
    case 'file':
      return readFile(input.file);
  }
}

async function readFile(file: File) {
  const format = formatForFileName(file.name);
  if (format === null) throw new OpenArticleError('unsupported-type', file.name);
  if (file.size > MAX_FILE_BYTES) throw new OpenArticleError('too-large', file.name, file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new OpenArticleError('read-failed', file.name);
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) throw new OpenArticleError(decoded.reason, file.name, file.size);
  return {
    text: decoded.text,
    format,
    origin: { kind: 'file', fileName: file.name, encoding: decoded.encoding } as const,
    title: null,
    url: null,
  };
}

function fileNameOf(input: OpenInput): string | null {
  return input.kind === 'file' ? input.file.name : null;
}

async function detectArticleLanguage(
  text: string,
  declared: string | null,
): Promise<string | null> {
  const fromBrowser = await detectWithBrowser(text);
  if (fromBrowser) return fromBrowser;
  const detected = await detectLanguage(text);
  if (detected) return detected.language;
  return declared;
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
