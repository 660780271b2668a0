/**
 * One entry point for every export format: the review view picks a format, gets back a file
 * name, a MIME type and the content, and saves it.
 */
import type { ReviewDocument, SegmentStatus } from '../review/types';
import { exportHtml } from './html';
import { exportJson } from './json';
import { exportText } from './text';
import { exportTmx } from './tmx';
import { exportXliff12 } from './xliff12';
import { exportXliff2 } from './xliff2';

export type ExportFormat = 'xliff2' | 'xliff12' | 'tmx' | 'html' | 'text' | 'json';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Localized strings for the bilingual HTML only; the other formats are for tools, not people. */
export interface ExportLabels {
  statuses: Record<SegmentStatus, string>;
  source: string;
  target: string;
  comments: string;
  mtOrigin: string;
  /** Footer text; `{{app}}`, `{{version}}` and `{{date}}` are filled in, else they are appended. */
  generatedBy: string;
  /** BCP 47 tag of the labels' language, for the page's `lang`. */
  language?: string;
}

export interface ExportOptions {
  labels: ExportLabels;
  appVersion: string;
  /** The export time written into the file; tests pass a fixed one. */
  now?: Date;
}

const FORMATS: Record<ExportFormat, { extension: string; mimeType: string }> = {
  xliff2: { extension: 'xlf', mimeType: 'application/xliff+xml' },
  xliff12: { extension: 'xliff', mimeType: 'application/xliff+xml' },
  tmx: { extension: 'tmx', mimeType: 'application/x-tmx+xml' },
  html: { extension: 'html', mimeType: 'text/html;charset=utf-8' },
  text: { extension: 'txt', mimeType: 'text/plain;charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/json' },
};

/**
 * A file name people recognise (the title) that is safe on every file system: no path or
 * reserved characters, no trailing dots, bounded length. Letters of any script are kept.
 */
export function exportFileName(doc: ReviewDocument, format: ExportFormat): string {
  const base =
    Array.from(
      doc.title
        .normalize('NFC')
        .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase(),
    )
      .slice(0, 60)
      .join('')
      .replace(/-+$/, '') || 'review';
  // Windows refuses these device names whatever the extension.
  const safeBase = /^(con|prn|aux|nul|com\d|lpt\d)$/.test(base) ? `${base}-review` : base;
  const pair = [doc.sourceLanguage, doc.targetLanguage]
    .map((lang) => lang.replace(/[^A-Za-z0-9-]/g, ''))
    .filter(Boolean)
    .join('-');
  return `${safeBase}${pair ? `.${pair}` : ''}.${FORMATS[format].extension}`;
}

export function exportReview(
  doc: ReviewDocument,
  format: ExportFormat,
  options: ExportOptions,
): ExportedFile {
  const now = options.now ?? new Date();
  const common = { appVersion: options.appVersion, now };
  const content = ((): string => {
    switch (format) {
      case 'xliff2':
        return exportXliff2(doc, common);
      case 'xliff12':
        return exportXliff12(doc, common);
      case 'tmx':
        return exportTmx(doc, common);
      case 'html':
        return exportHtml(doc, { ...common, labels: options.labels });
      case 'text':
        return exportText(doc);
      case 'json':
        return exportJson(doc, common);
    }
  })();
  const { mimeType } = FORMATS[format];
  return { fileName: exportFileName(doc, format), mimeType, content };
}
