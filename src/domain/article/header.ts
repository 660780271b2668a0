/**
 * Title and deck detection on the lines left after chrome, stamps and bylines are taken out.
 *
 * The evidence, strongest first:
 * 1. a given title (from the page or the URL) wins; every copy of it in the text is a duplicate;
 * 2. a headline-shaped line near the top that the page repeats shortly after (CMS pages print
 *    the title in the header and again above the body);
 * 3. the first headline-shaped line above the byline/stamp block, when the top of the text is all
 *    short lines (masthead, menus, section label, title, deck);
 * 4. otherwise the first line, if it reads like a headline and stands alone.
 * A deck is only taken when exactly one line sits between the title and the byline/stamp block
 * (or the title's repeat), so a first paragraph is never mistaken for one. Short lines above the
 * title are masthead and menus and are dropped as navigation.
 */
import {
  comparisonKey,
  displayWidth,
  endsSentence,
  hasHangul,
  hasLetter,
  listMarker,
  normalizeSpaces,
  startsLowercase,
  wordCount,
} from './line-shape';
import { isBreakBetween } from './reflow';

export interface HeaderLine {
  /** The line's position in the caller's numbering (kept in the result). */
  index: number;
  text: string;
  trailingSpace: boolean;
  blanksBefore: number;
}

export interface HeaderContext {
  /** A title known from elsewhere; it wins over anything detected. */
  title?: string | null;
  /** Index of the first byline or stamp line, if any. */
  anchor: number | null;
  /** Copyright lines: a masthead line they mention is the site's name, not a headline. */
  copyrightLines: readonly string[];
  /** The body's wrap width (see reflow.ts); only asked for when the first line is in question. */
  wrapWidth: () => number;
}

export interface HeaderResult {
  title: string | null;
  deck: string | null;
  /** Index of the line that became the title (null when the title was given or not found). */
  titleLine: number | null;
  deckLine: number | null;
  /** Lines that repeat the title. */
  duplicates: number[];
  /** Short lines above the title: masthead and menus. */
  navigation: number[];
  /**
   * The anchor, when it does close the header (a byline or stamp right under the title block
   * rather than a sign-off at the end): lines above it are header lines.
   */
  headerEnd: number | null;
}

/** How far into the text the header may reach, in lines. */
const HEADER_REACH = 30;
/** How soon after the title its repeat must follow. */
const REPEAT_WINDOW = 40;
const MAX_LINES_BEFORE_ANCHOR = 12;

/** Short enough to be a header line: masthead, section label, title, deck (decks may be a full sentence). */
function headerish(text: string): boolean {
  return wordCount(text) <= 30 && displayWidth(text) <= 240;
}

function endsLikeQuestionOrExclamation(text: string): boolean {
  return /[?!？！]["'”’)\]]*$/u.test(text);
}

function headlineLike(text: string): boolean {
  if (!hasLetter(text) || listMarker(text) !== null || startsLowercase(text)) return false;
  if (endsSentence(text) && !endsLikeQuestionOrExclamation(text)) return false;
  if (/[,;:]$/.test(text)) return false;
  return wordCount(text) <= 25 && displayWidth(text) <= 200;
}

function substantialHeadline(text: string): boolean {
  const words = wordCount(text);
  return headlineLike(text) && (words >= 3 || (hasHangul(text) && words >= 2));
}

function deckLike(text: string): boolean {
  const words = wordCount(text);
  return hasLetter(text) && listMarker(text) === null && words >= 3 && words <= 60;
}

function isShort(text: string): boolean {
  const words = wordCount(text);
  return words <= 10 && !(endsSentence(text) && words >= 6);
}

/** Positions of the lines equal to `key`, found cheaply by length before comparing keys. */
function occurrences(
  lines: readonly HeaderLine[],
  key: string,
  from: number,
  to: number,
): number[] {
  const found: number[] = [];
  const end = Math.min(to, lines.length);
  // A copy has the key's length, or its decomposed length when the clipboard handed over NFD.
  const decomposedLength = key.normalize('NFD').length;
  for (let p = from; p < end; p++) {
    const text = lines[p]?.text ?? '';
    if (text.length !== key.length && text.length !== decomposedLength) continue;
    if (comparisonKey(text) === key) found.push(p);
  }
  return found;
}

export function detectHeader(lines: readonly HeaderLine[], context: HeaderContext): HeaderResult {
  const result: HeaderResult = {
    title: null,
    deck: null,
    titleLine: null,
    deckLine: null,
    duplicates: [],
    navigation: [],
    headerEnd: null,
  };
  if (lines.length === 0 && !context.title) return result;

  // The run of short lines at the top: where masthead, title and deck can be.
  let topRun = 0;
  while (topRun < Math.min(lines.length, HEADER_REACH) && headerish(lines[topRun]?.text ?? ''))
    topRun++;

  let anchorPosition: number | null = null;
  if (context.anchor !== null) {
    let before = 0;
    while (before < lines.length && (lines[before]?.index ?? Infinity) < context.anchor) before++;
    // A byline with nothing after it signs off the article; it says nothing about the header.
    const bodyFollows = before < lines.length;
    if (bodyFollows && before <= topRun && before <= MAX_LINES_BEFORE_ANCHOR)
      anchorPosition = before;
  }

  let titlePosition: number | null = null;
  let duplicates: number[] = [];
  // First lines of title copies that span two lines.
  const wrappedCopies = new Set<number>();
  const given = context.title ? normalizeSpaces(context.title) : '';

  if (given.length > 0) {
    result.title = given;
    const key = comparisonKey(given);
    const found = new Set(occurrences(lines, key, 0, lines.length));
    // A copy of the title that the page wrapped onto two lines, looked for near the top only.
    for (let p = 0; p + 1 < Math.min(lines.length, HEADER_REACH + REPEAT_WINDOW); p++) {
      const text = lines[p]?.text ?? '';
      if (text.length >= given.length || !key.startsWith(comparisonKey(text))) continue;
      const next = lines[p + 1]?.text ?? '';
      if (comparisonKey(`${text} ${next}`) === key) {
        found.add(p).add(p + 1);
        wrappedCopies.add(p);
      }
    }
    duplicates = [...found].sort((a, b) => a - b);
    const first = duplicates[0];
    if (first !== undefined && first < topRun) titlePosition = first;
  } else {
    titlePosition = findRepeatedTitle(lines, topRun);
    if (titlePosition === null && anchorPosition !== null) {
      for (let p = 0; p < anchorPosition; p++) {
        const text = lines[p]?.text ?? '';
        if (substantialHeadline(text) && !isSiteName(text, context.copyrightLines)) {
          titlePosition = p;
          break;
        }
      }
    }
    if (titlePosition === null) titlePosition = firstLineTitle(lines, context.wrapWidth);
    if (titlePosition !== null) {
      const titleLine = lines[titlePosition];
      if (titleLine) {
        result.title = titleLine.text;
        result.titleLine = titleLine.index;
        duplicates = occurrences(
          lines,
          comparisonKey(titleLine.text),
          titlePosition + 1,
          lines.length,
        );
      }
    }
  }
  result.duplicates = duplicates.map((p) => lines[p]?.index ?? -1).filter((i) => i >= 0);

  if (titlePosition === null) return result;
  if (anchorPosition !== null && anchorPosition > titlePosition) result.headerEnd = context.anchor;

  const above = lines.slice(0, titlePosition);
  if (above.every((line) => isShort(line.text))) {
    result.navigation = above.map((line) => line.index);
  }

  const nextDuplicate = duplicates.find(
    (p) => p > titlePosition + (wrappedCopies.has(titlePosition) ? 1 : 0),
  );
  const boundaries = [nextDuplicate, anchorPosition ?? undefined].filter(
    (p): p is number => p !== undefined && p > titlePosition,
  );
  if (boundaries.length > 0) {
    const boundary = Math.min(...boundaries);
    const afterTitle = titlePosition + (wrappedCopies.has(titlePosition) ? 2 : 1);
    const between = lines.slice(afterTitle, boundary);
    const only = between[0];
    if (between.length === 1 && only && deckLike(only.text)) {
      result.deck = only.text;
      result.deckLine = only.index;
    }
  }
  return result;
}

function findRepeatedTitle(lines: readonly HeaderLine[], topRun: number): number | null {
  for (let p = 0; p < topRun; p++) {
    const text = lines[p]?.text ?? '';
    if (!substantialHeadline(text)) continue;
    if (occurrences(lines, comparisonKey(text), p + 1, p + 1 + REPEAT_WINDOW).length > 0) return p;
  }
  return null;
}

function isSiteName(text: string, copyrightLines: readonly string[]): boolean {
  const key = comparisonKey(text);
  return copyrightLines.some((line) => comparisonKey(line).includes(key));
}

function firstLineTitle(lines: readonly HeaderLine[], wrapWidth: () => number): number | null {
  const first = lines[0];
  const second = lines[1];
  if (!first || !second) return null;
  if (!headlineLike(first.text) || wordCount(first.text) < 2 || first.trailingSpace) return null;
  if (!isBreakBetween(first, second, wrapWidth())) return null;
  return 0;
}
