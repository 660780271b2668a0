/**
 * Text helpers the checks share. Word boundaries come from Unicode properties and
 * Intl.Segmenter rather than the regex `\b`, which only knows ASCII letters and so misplaces
 * boundaries in every other script.
 */

const CJK_LANGUAGES: ReadonlySet<string> = new Set(['zh', 'ja', 'ko']);

/** The primary language subtag, lower-cased (`pt-BR` → `pt`); '' when the tag has none. */
export function primaryLanguage(tag: string): string {
  const match = /^[a-z]{2,8}(?![a-z])/i.exec(tag.trim());
  return match ? match[0].toLowerCase() : '';
}

export function isCjkLanguage(tag: string): boolean {
  return CJK_LANGUAGES.has(primaryLanguage(tag));
}

/** Composed form with every whitespace run as one space, so line wrapping and NBSP don't matter. */
export function normalizeSpaces(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Case-insensitive comparison key. */
export function fold(text: string): string {
  return normalizeSpaces(text).toLowerCase();
}

const SPACE = /\s/u;

export function leadingWhitespace(text: string): string {
  let end = 0;
  while (end < text.length && SPACE.test(text.charAt(end))) end++;
  return text.slice(0, end);
}

// Scanning by hand instead of /\s*$/ keeps this linear on long runs of inner whitespace.
export function trailingWhitespace(text: string): string {
  let start = text.length;
  while (start > 0 && SPACE.test(text.charAt(start - 1))) start--;
  return text.slice(start);
}

/** The code point ending just before `index` (a whole surrogate pair when there is one). */
export function codePointBefore(text: string, index: number): string {
  if (index <= 0 || index > text.length) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

/** The code point starting at `index`, or '' past the end. */
export function codePointAfter(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

export function firstCodePoint(text: string): string {
  return codePointAfter(text, 0);
}

export function lastCodePoint(text: string): string {
  return codePointBefore(text, text.length);
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;
const LETTER = /^\p{L}/u;

/** Letters, digits and combining marks: what a word is made of in any script. */
export function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}

export function isLetter(ch: string): boolean {
  return LETTER.test(ch);
}

// Scripts written without spaces between words: a term can sit anywhere inside a run of them.
const UNSPACED =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const HANGUL = /^\p{sc=Hangul}/u;
// Alphabets whose words take inflectional endings after the stem.
const INFLECTING = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u;

export function isUnspacedScript(ch: string): boolean {
  return UNSPACED.test(ch);
}

export function isHangul(ch: string): boolean {
  return HANGUL.test(ch);
}

export function isInflectingLetter(ch: string): boolean {
  return INFLECTING.test(ch);
}

const SCRIPT_NAMES = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Ethiopic',
  'Khmer',
  'Mongolian',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Han',
] as const;

const SCRIPT_TESTS = SCRIPT_NAMES.map(
  (name) => [name, new RegExp(`^\\p{sc=${name}}`, 'u')] as const,
);

/**
 * The script of a letter; 'common' for digits, marks and anything that is not a letter, which
 * {@link sameScript} treats as belonging to every script.
 */
export function scriptOf(ch: string): string {
  if (!isLetter(ch)) return 'common';
  for (const [name, test] of SCRIPT_TESTS) if (test.test(ch)) return name;
  return 'other';
}

export function sameScript(a: string, b: string): boolean {
  const sa = scriptOf(a);
  const sb = scriptOf(b);
  return sa === 'common' || sb === 'common' || sa === sb;
}

// A language tag from user data could be anything; a bounded cache keeps odd tags from piling up.
const MAX_CACHED_LOCALES = 64;
const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(language: string): Intl.Segmenter {
  const cached = segmenters.get(language);
  if (cached) return cached;
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  } catch {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  }
  if (segmenters.size >= MAX_CACHED_LOCALES) segmenters.clear();
  segmenters.set(language, segmenter);
  return segmenter;
}

export interface WordSegment {
  segment: string;
  index: number;
  isWordLike: boolean;
}

export function segmentWords(text: string, language: string): WordSegment[] {
  const out: WordSegment[] = [];
  for (const s of wordSegmenter(language).segment(text)) {
    out.push({ segment: s.segment, index: s.index, isWordLike: s.isWordLike === true });
  }
  return out;
}

/** Word segments that contain a letter and no digit: real words, not numbers or codes. */
export function letterWords(text: string, language: string): string[] {
  return segmentWords(text, language)
    .filter((s) => s.isWordLike && /\p{L}/u.test(s.segment) && !/\p{N}/u.test(s.segment))
    .map((s) => s.segment);
}

/** What is in `expected` but not `actual` and vice versa, counting repeats, in text order. */
export function diffMultisets(
  expected: readonly string[],
  actual: readonly string[],
): { missing: string[]; extra: string[] } {
  const remaining = new Map<string, number>();
  for (const item of actual) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  const missing: string[] = [];
  for (const item of expected) {
    const left = remaining.get(item) ?? 0;
    if (left > 0) remaining.set(item, left - 1);
    else missing.push(item);
  }
  const extra: string[] = [];
  const owed = new Map<string, number>();
  for (const [item, left] of remaining) if (left > 0) owed.set(item, left);
  // Walk `actual` from the end so the surplus reported is the last occurrences, in text order.
  for (let i = actual.length - 1; i >= 0; i--) {
    const item = actual[i] ?? '';
    const left = owed.get(item) ?? 0;
    if (left > 0) {
      owed.set(item, left - 1);
      extra.unshift(item);
    }
  }
  return { missing, extra };
}

export const LIST_SEPARATOR = ', ';
