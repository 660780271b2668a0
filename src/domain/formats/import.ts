/**
 * Reads an XLIFF file — ours or another tool's, 2.0/2.1 or 1.2 — back into a review. Files come
 * from anywhere, so the input is bounded in size, entity declarations are refused before the
 * parser sees them, and every failure is a typed error the UI can explain.
 */
import { hashText } from '../hash';
import type { ReviewDocument } from '../review/types';
import { parseXliff12 } from './xliff12';
import { parseXliff2, type ParsedReview } from './xliff2';

export type ImportErrorCode =
  'not-xml' | 'not-xliff' | 'unsupported-version' | 'no-units' | 'too-large';

const MESSAGES: Record<ImportErrorCode, string> = {
  'not-xml': 'The file is not well-formed XML.',
  'not-xliff': 'The file is XML but not XLIFF.',
  'unsupported-version': 'Only XLIFF 1.2, 2.0 and 2.1 can be imported.',
  'no-units': 'The file has no translation units.',
  'too-large': 'The file is larger than 20 MB.',
};

export class ReviewImportError extends Error {
  override readonly name = 'ReviewImportError';

  constructor(
    readonly code: ImportErrorCode,
    message?: string,
  ) {
    super(message ?? MESSAGES[code]);
  }
}

/** In UTF-8 bytes, which is what the file on disk weighed. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(xml: string): boolean {
  if (xml.length > MAX_IMPORT_BYTES) return true;
  if (xml.length * 3 <= MAX_IMPORT_BYTES) return false;
  return utf8Length(xml) > MAX_IMPORT_BYTES;
}

/**
 * Internal-subset entities are how "billion laughs" expansion bombs work, and some browsers'
 * parsers do expand them. XLIFF never needs them, so a DOCTYPE that declares any is refused.
 */
function declaresEntities(xml: string): boolean {
  const doctype = xml.indexOf('<!DOCTYPE');
  return doctype !== -1 && xml.indexOf('<!ENTITY', doctype) !== -1;
}

function hasParseError(doc: Document): boolean {
  return doc.getElementsByTagName('parsererror').length > 0;
}

/** Every XLIFF version's namespace starts so (1.0 had none); the version decides what we read. */
function isXliffNamespace(ns: string | null): boolean {
  return ns === null || ns.startsWith('urn:oasis:names:tc:xliff:document:');
}

export function importReview(xml: string): ReviewDocument {
  if (tooLarge(xml)) throw new ReviewImportError('too-large');
  const text = xml.replace(/^\uFEFF/, '');
  if (declaresEntities(text)) {
    throw new ReviewImportError(
      'not-xml',
      'The file declares XML entities, which are not allowed.',
    );
  }

  const dom = new DOMParser().parseFromString(text, 'application/xml');
  if (hasParseError(dom)) throw new ReviewImportError('not-xml');
  const root = dom.documentElement;
  if (root.localName !== 'xliff' || !isXliffNamespace(root.namespaceURI)) {
    throw new ReviewImportError('not-xliff');
  }

  const version = (root.getAttribute('version') ?? '').trim();
  let parsed: ParsedReview;
  if (version === '2.0' || version === '2.1') parsed = parseXliff2(root);
  else if (version === '1.2') parsed = parseXliff12(root);
  else {
    throw new ReviewImportError(
      'unsupported-version',
      `XLIFF version "${version}" cannot be imported; only 1.2, 2.0 and 2.1 can.`,
    );
  }
  if (parsed.segments.length === 0) throw new ReviewImportError('no-units');

  return {
    // Another tool's file gets an id made from its content, so importing it twice lands on
    // the same review.
    articleId: parsed.articleId ?? `xliff-${hashText(text)}`,
    title: parsed.title,
    sourceLanguage: parsed.sourceLanguage ?? 'und',
    targetLanguage: parsed.targetLanguage ?? 'und',
    segments: parsed.segments,
  };
}
