/**
 * Plain text (pasted or a .txt file) to an ArticleDraft.
 *
 * Copies of news pages arrive hard-wrapped, with NBSPs, the title twice and the site's chrome
 * around the body. Translating those fragments one by one gives garbage, so the text is rebuilt
 * before anything else sees it:
 * 1. lines are split (CRLF/CR/LF) and their spaces normalized, remembering trailing spaces and
 *    blank-line gaps for the reflow;
 * 2. whole lines are classified: publication stamps and bylines go to the header, chrome is kept
 *    out of the body with its reason (see chrome.ts);
 * 3. the title, deck and masthead are found among the remaining lines near the top (header.ts);
 * 4. what is left is reflowed into paragraphs, headings and list items (reflow.ts).
 * Each step is a single pass over the lines, so a multi-megabyte paste stays fast.
 */
import type { ArticleDraft, ChromeReason, PublicationStamp, RemovedLine } from './types';
import { parseByline } from './byline';
import { classifyChromeLines } from './chrome';
import { detectHeader, type HeaderLine } from './header';
import { hasTrailingSpace, normalizeSpaces, splitLineEndings } from './line-shape';
import { estimateWrapWidth, reflowLines, type FlowLine } from './reflow';
import { isPublishedKind, parsePublicationStamps, preferPublished } from './stamps';

export interface PlainTextOptions {
  /** The title when it is known from elsewhere (a page title, a URL parameter). */
  title?: string | null;
  url?: string | null;
}

/** One non-blank line; the same object serves header detection and reflow. */
interface SourceLine extends HeaderLine, FlowLine {
  /** Position among the non-blank lines. */
  index: number;
}

/** Bylines other than Korean sign-offs only count this near the top (in non-blank lines). */
const BYLINE_REACH = 60;

/** Korean sign-offs are the only bylines looked for further down; each names a role. */
const MAY_BE_SIGN_OFF = /기자|특파원|위원|니스트|통신원|에디터/;

const SEGMENT_SEPARATOR = /\s*(?:[|｜│•∙]|\sㅣ\s|\s·\s|\s\/\s)\s*/u;

function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let blanks = 0;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (const raw of splitLineEndings(body)) {
    const normalized = raw.length === 0 ? raw : normalizeSpaces(raw);
    if (normalized.length === 0) {
      blanks++;
      continue;
    }
    lines.push({
      index: lines.length,
      text: normalized,
      trailingSpace: hasTrailingSpace(raw),
      blanksBefore: blanks,
      separated: false,
    });
    blanks = 0;
  }
  return lines;
}

/** A byline sharing a metadata line with stamps: `홍길동 기자 | 입력 2024.01.05 09:12`. */
function bylineBesideStamps(text: string, stamps: readonly PublicationStamp[]): string | null {
  let rest = text;
  for (const stamp of stamps) rest = rest.replace(stamp.raw, ' | ');
  for (const segment of rest.split(SEGMENT_SEPARATOR)) {
    const byline = parseByline(segment.replace(/^[\s[(•]+|[\s\])]+$/gu, ''));
    if (byline) return byline.text;
  }
  return null;
}

export function reconstructPlainText(text: string, options: PlainTextOptions = {}): ArticleDraft {
  const lines = splitLines(text);
  const reasons: (ChromeReason | null)[] = classifyChromeLines(lines.map((line) => line.text));

  let published: PublicationStamp | null = null;
  let modified: PublicationStamp | null = null;
  let byline: string | null = null;
  let anchor: number | null = null;
  // Stamps and bylines are header fields; their lines leave the body as metadata.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    // Stamp lines always classify as metadata chrome, so other lines need no second look.
    const stamps = reasons[i] === 'metadata' ? parsePublicationStamps(line.text) : [];
    if (stamps.length > 0) {
      for (const stamp of stamps) {
        if (isPublishedKind(stamp.kind)) published = preferPublished(published, stamp);
        else modified ??= stamp;
      }
      byline ??= bylineBesideStamps(line.text, stamps);
      reasons[i] = 'metadata';
      anchor ??= i;
      continue;
    }
    const candidate =
      (reasons[i] === null || reasons[i] === 'metadata') &&
      (i < BYLINE_REACH || MAY_BE_SIGN_OFF.test(line.text));
    const match = candidate ? parseByline(line.text) : null;
    if (match && (match.signOff || i < BYLINE_REACH)) {
      byline ??= match.text;
      reasons[i] = 'metadata';
      anchor ??= i;
    }
  }

  const kept: SourceLine[] = [];
  const copyrightLines: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (reasons[i] === null) {
      kept.push(line);
    } else if (reasons[i] === 'copyright') {
      copyrightLines.push(line.text);
    }
  }

  const header = detectHeader(kept, {
    title: options.title ?? null,
    anchor,
    copyrightLines,
    wrapWidth: () => estimateWrapWidth(kept),
  });
  for (const index of header.duplicates) reasons[index] = 'duplicate-title';
  for (const index of header.navigation) reasons[index] = 'navigation';

  // Lines above the byline/stamp block are header lines: each stands alone.
  const headerEnd = header.headerEnd ?? -1;
  const flow: FlowLine[] = [];
  let interrupted = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (reasons[i] !== null || i === header.titleLine || i === header.deckLine) {
      interrupted = true;
      continue;
    }
    line.separated = interrupted || i < headerEnd;
    flow.push(line);
    interrupted = false;
  }
  const blocks = reflowLines(flow).map(({ kind, text: blockText, level }) =>
    level === undefined ? { kind, text: blockText } : { kind, text: blockText, level },
  );

  const removed: RemovedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const reason = reasons[i];
    const line = lines[i];
    if (reason && line) removed.push({ text: line.text, reason });
  }

  return {
    format: 'text',
    title: header.title,
    deck: header.deck,
    byline,
    published,
    modified,
    blocks,
    removed,
    sourceUrl: options.url ?? null,
    declaredLanguage: null,
  };
}
