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
import type { ArticleOrigin, ArticleRecord } from './storage/db';

/** Fetches what opening needs next (the language detector's data) before it is needed. */
export function warmUp(): void {
  preloadDetector();
}

export async function openArticle(input: OpenInput): Promise<OpenResult> {
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
