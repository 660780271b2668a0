/**
 * Turning what the reader gave (a paste, a link's text, a file, a sample) into a stored article.
 * Loaded on demand through `openArticle` in ./articles: decoding, reconstruction and language
 * detection are not needed to show the start page.
 */
import { decodeArticleBytes } from '../domain/article/decode';
import { draftText, formatForFileName, ingestText } from '../domain/article/ingest';
import { MAX_FILE_BYTES } from '../domain/article/limits';
import type { ArticleFormat } from '../domain/article/types';
import { hashText } from '../domain/hash';
import { detectLanguage, preloadDetector } from '../domain/language/detect';
import {
  findArticle,
  OpenArticleError,
  storeArticle,
  type OpenInput,
  type OpenResult,
} from './articles';
import { detectWithBrowser } from './language-detector';
import { usePreferences } from './preferences';
import type { ArticleOrigin, ArticleRecord } from './storage/db';

/** Fetches what opening needs next (the language detector's data) before it is needed. */
export function warmUp(): void {
  preloadDetector();
}

export async function openArticle(input: OpenInput): Promise<OpenResult> {
  if (input.kind === 'file' && XLIFF_FILE.test(input.file.name)) return openXliff(input.file);
  const { text, format, origin, title, url } = await readInput(input);
  if (text.trim() === '') throw new OpenArticleError('empty', fileNameOf(input));
  const draft = await ingestText(text, { format, title, url });
  if (draft.blocks.length === 0) throw new OpenArticleError('no-content', fileNameOf(input));

  const id = hashText(`${draft.format}\n${text.replace(/\r\n?/g, '\n').trim()}`);
  const now = Date.now();
  const existing = await findArticle(id);
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
  return { id, persisted: await storeArticle(record) };
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

const XLIFF_FILE = /\.(xlf|xliff)$/i;

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

/**
 * An XLIFF file (from this app or another tool) opens as the article its source segments make,
 * one paragraph each as the file cut them (no reconstruction: a CAT tool already segmented it),
 * with its targets, states, notes and MT origin as that article's review in the file's target
 * language.
 */
async function openXliff(file: File): Promise<OpenResult> {
  if (file.size > MAX_FILE_BYTES) throw new OpenArticleError('too-large', file.name, file.size);
  const [{ importReview }, { addReviewRows, reviewIdFor }] = await Promise.all([
    import('../domain/formats/import'),
    import('./review-store'),
  ]);
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new OpenArticleError('read-failed', file.name);
  }
  let document;
  try {
    document = importReview(text);
  } catch {
    throw new OpenArticleError('not-xliff', file.name);
  }
  const segments = document.segments.filter((segment) => segment.source.trim() !== '');
  if (segments.length === 0) throw new OpenArticleError('no-content', file.name);

  const body = segments.map((segment) => segment.source.replace(/\s+/g, ' ').trim());
  const id = hashText(`text\n${body.join('\n\n')}`);
  const now = Date.now();
  const existing = await findArticle(id);
  const record: ArticleRecord = existing
    ? { ...existing, openedAt: now }
    : {
        id,
        draft: {
          format: 'text',
          title: document.title.trim() || file.name.replace(XLIFF_FILE, ''),
          deck: null,
          byline: null,
          published: null,
          modified: null,
          blocks: body.map((paragraph) => ({ kind: 'paragraph', text: paragraph })),
          removed: [],
          sourceUrl: null,
          declaredLanguage: document.sourceLanguage || null,
        },
        origin: { kind: 'file', fileName: file.name, encoding: 'utf-8' },
        detectedLanguage: document.sourceLanguage || null,
        sourceLanguage: null,
        createdAt: now,
        openedAt: now,
      };
  const persisted = await storeArticle(record);
  const targetLanguage = document.targetLanguage;
  if (persisted && targetLanguage) {
    const reviewId = reviewIdFor(id, targetLanguage);
    await addReviewRows(
      segments.map((segment, index) => ({
        reviewId,
        index,
        source: body[index] ?? segment.source,
        target: segment.target,
        mt: segment.mt,
        mtOrigin: segment.mtOrigin,
        status: segment.status,
        comments: segment.comments,
        timeSpentMs: segment.timeSpentMs,
        updatedAt: segment.updatedAt || now,
      })),
    );
  }
  if (targetLanguage) {
    const preferences = usePreferences.getState();
    preferences.setTargetLanguage(targetLanguage);
    preferences.setView('review');
  }
  return { id, persisted, ...(targetLanguage ? { review: { targetLanguage } } : {}) };
}
