/**
 * One entry point from raw input to an ArticleDraft, whatever the input was: pasted text, a URL
 * parameter, or a decoded file. It picks the reader for the format and then applies the site-chrome
 * and stamp rules to structured formats too, so an HTML page's comment widget or a Markdown file's
 * "승인 …" line is treated exactly as in plain text.
 */
import { classifyChromeLine } from './chrome';
import { reconstructPlainText } from './plain-text';
import { isPublishedKind, parsePublicationStamps, preferPublished } from './stamps';
import type { ArticleDraft, ArticleFormat, RemovedLine } from './types';

export interface IngestOptions {
  format?: ArticleFormat;
  title?: string | null;
  url?: string | null;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
};

/** The reader for a file name, or null when the app does not open that kind of file. */
export function formatForFileName(name: string): ArticleFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension ? (FORMAT_BY_EXTENSION[extension] ?? null) : null;
}

/** Whether pasted or shared text is an HTML document rather than text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.trimStart().slice(0, 1000).toLowerCase();
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/.test(head)) return true;
  const blockTags =
    text.slice(0, 20_000).match(/<\/(p|div|article|section|h[1-6]|li)>/gi)?.length ?? 0;
  return blockTags >= 3;
}

/**
 * Reads any input into a draft. The HTML reader (Readability, DOMPurify) and the Markdown reader
 * load only when such an input arrives, keeping them out of the first load.
 */
export async function ingestText(text: string, options: IngestOptions = {}): Promise<ArticleDraft> {
  const format = options.format ?? (looksLikeHtml(text) ? 'html' : 'text');
  const title = options.title?.trim() ? options.title.trim() : null;
  const url = options.url ?? null;
  if (format === 'text') return reconstructPlainText(text, { title, url });
  const draft =
    format === 'html'
      ? (await import('./html')).extractHtmlArticle(text, { title, url })
      : (await import('./markdown')).extractMarkdownArticle(text, { title });
  return cleanStructuredDraft({ ...draft, sourceUrl: draft.sourceUrl ?? safeHttpUrl(url) });
}

/** Applies the plain-text chrome and stamp rules to the blocks of an HTML or Markdown article. */
export function cleanStructuredDraft(draft: ArticleDraft): ArticleDraft {
  const removed: RemovedLine[] = [...draft.removed];
  let { published, modified } = draft;
  const titleKey = draft.title ? comparable(draft.title) : null;
  const blocks = draft.blocks.filter((block) => {
    if (block.kind === 'preformatted') return true;
    const stamps = parsePublicationStamps(block.text);
    if (stamps.length > 0) {
      for (const stamp of stamps) {
        if (isPublishedKind(stamp.kind)) published = preferPublished(published, stamp);
        else modified ??= stamp;
      }
      removed.push({ text: block.text, reason: 'metadata' });
      return false;
    }
    if (titleKey !== null && comparable(block.text) === titleKey) {
      removed.push({ text: block.text, reason: 'duplicate-title' });
      return false;
    }
    const reason = classifyChromeLine(block.text);
    if (reason) {
      removed.push({ text: block.text, reason });
      return false;
    }
    return true;
  });
  return { ...draft, blocks, removed, published, modified };
}

function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function safeHttpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The text a draft sends for language detection: title and body. */
export function draftText(draft: ArticleDraft): string {
  return [draft.title ?? '', ...draft.blocks.map((block) => block.text)].join('\n');
}
