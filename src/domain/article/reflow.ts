/**
 * Rebuilds paragraphs from hard-wrapped lines.
 *
 * Each line break is judged on the two lines around it. Evidence that the break is a wrap: the
 * line ends in a space/NBSP, ends without sentence-final punctuation (certainly so after a comma,
 * an article or `Dr.`), or the next line starts in lowercase. Evidence that it is deliberate: the
 * line is short — the next line's first word would have fitted within the wrap width, so the
 * wrapper did not need to break there. A short line that ends a sentence ends its paragraph; a
 * short unfinished line standing alone is a heading or a one-line paragraph.
 *
 * The wrap width is learnt from the lines that certainly are wraps (a trailing space, a dangling
 * end, a lowercase continuation, or for Hangul/CJK an unfinished line running into more of the
 * same script). Text without such lines, or where most lines are longer than the width they
 * suggest, counts as unwrapped: every sentence end or capitalised start keeps its break, so clean
 * text comes out paragraph for paragraph. A line much longer than the wrap width was never
 * wrapped, so its end is a real break too (mixed sources).
 *
 * Blank lines are a weak signal only: some copies put one between every wrapped line, some only
 * between paragraphs. A gap larger than the document's usual gap breaks a paragraph only where
 * the line shapes cannot decide (a full-width line that ends a sentence, a clearly short
 * unfinished line).
 *
 * One pass over the lines plus a sort of the wrap evidence: O(n log n) at worst.
 */
import type { Block, BlockKind } from './types';
import {
  charSet,
  displayWidth,
  endsMidSentence,
  endsSentence,
  firstWordWidth,
  hasLetter,
  hasTrailingSpace,
  isSpacelessCjk,
  lastCodePoint,
  listMarker,
  normalizeSpaces,
  splitLineEndings,
  startsLowercase,
  wordCount,
  firstCodePoint,
  isHangul,
} from './line-shape';

export interface FlowLine {
  /** The line with spaces normalized and trimmed. */
  text: string;
  /** The source line ended in a space or NBSP. */
  trailingSpace: boolean;
  /** Blank lines between this line and the previous one. */
  blanksBefore: number;
  /**
   * Something that is not body text stood before this line (site chrome, a header line): only a
   * sentence visibly running on (lowercase start after an unfinished line) joins across it.
   */
  separated?: boolean;
}

export interface FlowBlock extends Block {
  /** Index of the block's first and last line in the input. */
  firstLine: number;
  lastLine: number;
}

/** How far past the wrap width a line may run (proportional fonts, a long word) and still be a wrap. */
const OVERLONG_FACTOR = 1.15;
/** Nobody hard-wraps wider than this; a wider "wrap width" means the text is not wrapped. */
const MAX_WRAP_WIDTH = 200;
const DASHES = charSet('-‐–—');
/** Share of the wrap width an unfinished line may fall short by and still be a ragged wrap. */
const RAGGED_SLACK = 0.2;
const HEADING_MAX_WORDS = 12;
const HEADING_MAX_WIDTH = 80;

/** A line with the shape facts every decision asks for, computed once. */
interface Measured extends FlowLine {
  width: number;
  list: ReturnType<typeof listMarker>;
  finished: boolean;
  /** Ends in a comma, an article, `Dr.`…: the sentence certainly goes on. */
  dangling: boolean;
  lower: boolean;
}

function measure(lines: readonly FlowLine[]): Measured[] {
  const measured: Measured[] = [];
  let previous: Measured | undefined;
  for (const line of lines) {
    let list = listMarker(line.text);
    let lower = startsLowercase(line.text);
    // "- which …" after an unfinished line is a dash in running text, not a bullet.
    if (
      list &&
      !list.ordered &&
      startsLowercase(list.rest) &&
      previous !== undefined &&
      previous.list === null &&
      !previous.finished &&
      !previous.text.endsWith(':')
    ) {
      list = null;
      lower = true;
    }
    const current: Measured = {
      text: line.text,
      trailingSpace: line.trailingSpace,
      blanksBefore: line.blanksBefore,
      separated: line.separated === true,
      width: displayWidth(line.text),
      list,
      finished: endsSentence(line.text),
      dangling: endsMidSentence(line.text),
      lower,
    };
    measured.push(current);
    previous = current;
  }
  return measured;
}

function isCaseless(cp: number | undefined): boolean {
  return cp !== undefined && (isHangul(cp) || isSpacelessCjk(cp));
}

/** Whether the break after `line` is certainly a wrap: used to learn the wrap width. */
function isCertainWrap(line: Measured, next: Measured): boolean {
  if (next.separated === true || next.list !== null || line.finished) return false;
  if (line.trailingSpace || line.dangling || next.lower) return true;
  // Hangul and CJK have no case; a long unfinished line running into more of the same script is
  // the best evidence they offer.
  return (
    line.width >= 20 &&
    isCaseless(lastCodePoint(line.text)) &&
    isCaseless(firstCodePoint(next.text))
  );
}

/**
 * The wrap width in columns, or `Infinity` when the lines do not look hard-wrapped. Taken as the
 * widest certain wrap, ignoring outliers much wider than the typical one (a long URL that could
 * not be broken).
 */
export function estimateWrapWidth(lines: readonly FlowLine[]): number {
  return wrapWidthOf(measure(lines));
}

function wrapWidthOf(lines: readonly Measured[]): number {
  const widths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (line && next && isCertainWrap(line, next)) widths.push(line.width);
  }
  if (widths.length === 0) return Infinity;
  widths.sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)] ?? 0;
  let width = 0;
  for (const w of widths) if (w <= median * 1.2) width = w;
  if (width > MAX_WRAP_WIDTH) return Infinity;
  // In hard-wrapped text nearly every line fits the width; if many run past it, the evidence
  // came from a few stray joins in unwrapped text.
  let overlong = 0;
  for (const line of lines) if (line.width > width * OVERLONG_FACTOR) overlong++;
  return overlong * 3 > lines.length ? Infinity : width;
}

/** The most common number of blank lines between consecutive lines (capped at 3). */
function usualGap(lines: readonly Measured[]): number {
  const counts = [0, 0, 0, 0];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.separated === true) continue;
    const gap = Math.min(line.blanksBefore, 3);
    counts[gap] = (counts[gap] ?? 0) + 1;
  }
  let best = 0;
  for (let gap = 1; gap < counts.length; gap++) {
    if ((counts[gap] ?? 0) > (counts[best] ?? 0)) best = gap;
  }
  return best;
}

/** Whether the break between `line` and `next` was deliberate by the fits-on-the-line test. */
function fitsTest(line: Measured, next: Measured, wrapWidth: number): boolean {
  if (!Number.isFinite(wrapWidth)) return true;
  if (line.width > wrapWidth * OVERLONG_FACTOR) return true;
  const space = isSpacelessCjk(firstCodePoint(next.text) ?? 0) ? 0 : 1;
  return line.width + space + firstWordWidth(next.text) <= wrapWidth;
}

/**
 * Whether `next` continues the block `line` is in. `startsBlock` says whether `line` is the first
 * line of its block: a short unfinished line standing alone is a heading or a one-line
 * paragraph, while the same line at the end of a run of wrapped lines is a ragged wrap.
 */
function continues(
  line: Measured,
  next: Measured,
  wrapWidth: number,
  gap: number,
  startsBlock: boolean,
): boolean {
  if (next.list !== null) return false;
  const lower = next.lower;
  const finished = line.finished;
  if (next.separated === true) return (lower || line.dangling) && !finished;
  const fits = fitsTest(line, next, wrapWidth);
  // A trailing space is a soft wrap (format=flowed), unless a short sentence end shows the
  // space is just left over from the copy.
  if (line.trailingSpace && !(finished && fits)) return true;
  if (line.dangling) return true;
  // A line longer than any wrap ends where its author ended it.
  const unwrapped = !Number.isFinite(wrapWidth) || line.width > wrapWidth * OVERLONG_FACTOR;
  if (lower) return !(unwrapped && finished);
  if (fits) {
    if (finished || unwrapped || startsBlock || next.blanksBefore > gap) return false;
    // An unfinished last line the next word would have fitted on: a paragraph or list item that
    // ends without punctuation when the line is clearly short, otherwise a ragged wrap (lines
    // wrapped by a proportional font do not fill the columns evenly).
    const room = wrapWidth - line.width - 1 - firstWordWidth(next.text);
    return room < wrapWidth * RAGGED_SLACK;
  }
  if (finished) return next.blanksBefore <= gap;
  return true;
}

/**
 * Whether reflow would keep a break between two lines (no blank-line evidence considered). Title
 * detection uses it to tell a one-line headline from the first line of a wrapped paragraph.
 */
export function isBreakBetween(line: FlowLine, next: FlowLine, wrapWidth: number): boolean {
  const [a, b] = measure([line, next]);
  return a === undefined || b === undefined || !continues(a, b, wrapWidth, Infinity, true);
}

/**
 * How two wrapped pieces join: with one space, except between two spaceless CJK characters and
 * after a hyphen or dash glued to a word (`Seoul-` + `based`), where the wrap took no space away.
 */
function joiner(previous: string, next: string, trailingSpace: boolean): string {
  if (trailingSpace) return ' ';
  const last = lastCodePoint(previous);
  const first = firstCodePoint(next);
  if (last !== undefined && first !== undefined && isSpacelessCjk(last) && isSpacelessCjk(first))
    return '';
  if (
    DASHES.has(previous.at(-1) ?? '') &&
    /[\p{L}\p{N}][-‐–—]$/u.test(previous) &&
    /^[\p{L}\p{N}]/u.test(next)
  )
    return '';
  return ' ';
}

function looksLikeHeading(text: string): boolean {
  // Length first: it rules out nearly every paragraph before any pattern runs.
  if (text.length > HEADING_MAX_WIDTH * 2 || displayWidth(text) > HEADING_MAX_WIDTH) return false;
  if (!hasLetter(text) || endsSentence(text) || /[,;:\-–—]$/u.test(text)) return false;
  return wordCount(text) <= HEADING_MAX_WORDS;
}

function looksLikeProse(text: string): boolean {
  return !looksLikeHeading(text) && (endsSentence(text) || wordCount(text) >= 8);
}

/**
 * Rebuild blocks from lines. `wrapWidth` defaults to {@link estimateWrapWidth} of the same lines.
 * Block texts keep every word in order; only line breaks and runs of whitespace change.
 */
export function reflowLines(lines: readonly FlowLine[], wrapWidth?: number): FlowBlock[] {
  const measured = measure(lines);
  const width = wrapWidth ?? wrapWidthOf(measured);
  const gap = usualGap(measured);

  interface Draft {
    parts: string[];
    first: number;
    last: number;
    list: Measured['list'];
  }
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let previous: Measured | null = null;
  for (let i = 0; i < measured.length; i++) {
    const line = measured[i];
    if (!line || line.text.length === 0) continue;
    if (
      current &&
      previous &&
      continues(previous, line, width, gap, current.first === current.last)
    ) {
      const last = current.parts.at(-1) ?? '';
      current.parts.push(joiner(last, line.text, previous.trailingSpace), line.text);
      current.last = i;
    } else {
      current = { parts: [line.text], first: i, last: i, list: line.list };
      drafts.push(current);
    }
    previous = line;
  }

  const blocks: FlowBlock[] = [];
  for (let b = 0; b < drafts.length; b++) {
    const draft = drafts[b];
    if (!draft) continue;
    // Lines arrive normalized and are joined with single spaces, so the result is too.
    const joined = draft.parts.join('');
    let kind: BlockKind = 'paragraph';
    let text = joined;
    if (draft.list) {
      kind = 'list-item';
      // Bullets are presentation; ordinals are content (the model has no field for them).
      if (!draft.list.ordered) text = normalizeSpaces(joined.slice(draft.list.marker.length));
    } else if (draft.first === draft.last && looksLikeHeading(joined)) {
      const following = drafts[b + 1];
      const followingText = following ? following.parts.join('') : '';
      if (
        following &&
        !startsLowercase(followingText) &&
        (following.list !== null || looksLikeProse(followingText))
      )
        kind = 'heading';
    }
    const block: FlowBlock = { kind, text, firstLine: draft.first, lastLine: draft.last };
    if (kind === 'heading') block.level = 2;
    blocks.push(block);
  }
  return blocks;
}

/** Split text into lines with their blank-line gaps and trailing-space flags. */
export function splitFlowLines(text: string): FlowLine[] {
  const lines: FlowLine[] = [];
  let blanks = 0;
  for (const raw of splitLineEndings(text)) {
    const normalized = normalizeSpaces(raw);
    if (normalized.length === 0) {
      blanks++;
      continue;
    }
    lines.push({ text: normalized, trailingSpace: hasTrailingSpace(raw), blanksBefore: blanks });
    blanks = 0;
  }
  return lines;
}

/** Reflow a whole text (no chrome or header handling): the reflow rules on their own. */
export function reflowText(text: string): Block[] {
  return reflowLines(splitFlowLines(text)).map(({ kind, text: blockText, level }) =>
    level === undefined ? { kind, text: blockText } : { kind, text: blockText, level },
  );
}
