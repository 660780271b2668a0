/**
 * Shape tests on single lines of text: display width, how a line ends and how the next one starts,
 * list markers, rough word counts. Reflow, title, byline and chrome detection all judge lines by
 * these, so they share one definition of "ends a sentence" or "starts in lowercase".
 *
 * Everything here is per line and linear in the line's length; nothing looks at other lines.
 */

/** A set of single characters, for cheap membership tests on the first or last character. */
export function charSet(chars: string): ReadonlySet<string> {
  return new Set(Array.from(chars));
}

const WHITESPACE_RUN = /\s+/g;
const NEEDS_NORMALIZING = /[^\S ]| {2}|^ | $/;

/**
 * NBSPs, tabs and other spaces become one ordinary space and the ends are trimmed. Pasted text
 * puts NBSPs between words where the page had `&nbsp;`; they carry no meaning for a reader.
 */
export function normalizeSpaces(text: string): string {
  // Most lines are already clean; testing is much cheaper than rebuilding the string.
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/** The text's lines, whatever the line endings (LF, CRLF, CR). */
export function splitLineEndings(text: string): string[] {
  // Splitting on a plain string is much faster than on a pattern; most text has LF only.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** Whether the raw line ends in a space or NBSP: a soft wrap that kept its space (format=flowed). */
export function hasTrailingSpace(rawLine: string): boolean {
  const last = rawLine.charCodeAt(rawLine.length - 1);
  return last === 0x20 || last === 0x09 || last === 0xa0 || last === 0x2007 || last === 0x202f;
}

/**
 * A comparison key for "is this the same line?": spaces, case, Unicode composition and curly
 * quotes must not hide a repeated title (a `<title>` has curly quotes where the body has straight
 * ones, macOS clipboards hand over decomposed Hangul).
 */
export function comparisonKey(text: string): string {
  return normalizeSpaces(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’′`]/g, "'")
    .replace(/[“”″]/g, '"');
}

/** East Asian wide characters take two columns in the monospaced wraps we are undoing. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns the text takes in a monospaced font. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x1100) {
      width++;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i) ?? code;
      width += isWide(cp) ? 2 : 1;
      i++;
    } else {
      width += isWide(code) ? 2 : 1;
    }
  }
  return width;
}

/**
 * Han ideographs, kana and CJK punctuation: scripts written without spaces between words, so a
 * wrap between two of them must be undone without inserting one. Hangul is not among them:
 * Korean puts spaces between words.
 */
export function isSpacelessCjk(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    (cp >= 0xff66 && cp <= 0xff9f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function isHangul(cp: number): boolean {
  return (
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x3130 && cp <= 0x318f)
  );
}

export function firstCodePoint(text: string): number | undefined {
  return text.codePointAt(0);
}

export function lastCodePoint(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xdc00 && last <= 0xdfff && text.length >= 2)
    return text.codePointAt(text.length - 2);
  return last;
}

/** Closing quotes and brackets that may follow the punctuation ending a sentence: `."`, `.)`, `?’`. */
const TRAILING_CLOSERS = /["'”’»›)\]}」』】〕〉》]+$/u;
const CLOSERS = charSet(`"'”’»›)]}」』】〕〉》`);
const SENTENCE_FINAL = new Set([
  '.',
  '!',
  '?',
  '…',
  '。',
  '！',
  '？',
  '‼',
  '⁉',
  '⁈',
  '⁇',
  '．',
  '｡',
]);

/**
 * Abbreviations that end in a period but almost never end a sentence, because a name or number
 * follows them. `U.S.` and `Inc.` are not here: they end sentences often enough.
 */
const NON_FINAL_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'sgt',
  'rev',
  'hon',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'fig',
  'mt',
]);

/** Words a sentence cannot end on: a line ending in one certainly runs on. */
const DANGLING_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'for',
  'with',
  'from',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'my',
]);

/**
 * Whether the text visibly stops mid-sentence: it ends in a comma or semicolon, an article or
 * conjunction, or an abbreviation that introduces a name (`Dr.`, `Mr.`, an initial).
 */
export function endsMidSentence(text: string): boolean {
  const last = text.at(-1);
  if (last === ',' || last === ';' || last === '，' || last === '、') return true;
  const start = text.lastIndexOf(' ') + 1;
  // Only short last words can be dangling; slicing every line's last word would cost a string.
  if (last !== '.') return text.length - start <= 5 && DANGLING_WORDS.has(text.slice(start));
  const lastWord = text.slice(start);
  const bare = lastWord.slice(0, -1).replace(/^\(+/, '');
  return /^\p{Lu}$/u.test(bare) || NON_FINAL_ABBREVIATIONS.has(bare.toLowerCase());
}

/** Whether the text ends a sentence: `.`, `!`, `?`, `…`, CJK `。！？`, optionally inside quotes. */
export function endsSentence(text: string): boolean {
  const bare = CLOSERS.has(text.at(-1) ?? '') ? text.replace(TRAILING_CLOSERS, '') : text;
  const last = bare.at(-1);
  if (last === undefined || !SENTENCE_FINAL.has(last)) return false;
  if (last !== '.') return true;
  const lastWord = bare.slice(bare.lastIndexOf(' ') + 1, -1).replace(/^\(+/, '');
  if (lastWord.length === 0) return true;
  // A single capital before the period is an initial ("John F."), not the end of a sentence.
  if (/^\p{Lu}$/u.test(lastWord)) return false;
  return !NON_FINAL_ABBREVIATIONS.has(lastWord.toLowerCase());
}

const LEADING_OPENERS = /^["'“‘«‹([{「『【〔〈《¿¡]+/u;
const OPENERS = charSet(`"'“‘«‹([{「『【〔〈《¿¡`);

/** Whether the first letter (after opening quotes/brackets) is a lowercase letter. */
export function startsLowercase(text: string): boolean {
  const bare = OPENERS.has(text[0] ?? '') ? text.replace(LEADING_OPENERS, '') : text;
  const code = bare.charCodeAt(0);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return /^\p{Ll}/u.test(bare);
}

/** Whether the text contains a letter of any script (not only digits and symbols). */
export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** Whether the text contains Hangul syllables. */
export function hasHangul(text: string): boolean {
  return /[\uAC00-\uD7A3]/.test(text);
}

/**
 * Roughly how many words the text has: space-separated tokens, with runs of Han/kana (which have
 * no spaces) counted as one word per two characters.
 */
export function wordCount(text: string): number {
  let count = 0;
  let inToken = false;
  let spacelessRun = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      inToken = false;
    } else if (!inToken) {
      inToken = true;
      count++;
    }
    const spaceless =
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xf900 && code <= 0xfaff);
    if (spaceless) {
      spacelessRun++;
    } else {
      count += Math.floor(spacelessRun / 2);
      spacelessRun = 0;
    }
  }
  return count + Math.floor(spacelessRun / 2);
}

/**
 * Width of the first thing the wrapper could have moved up to the previous line: the first word,
 * or a single character where the line starts in a spaceless CJK script (those wrap anywhere).
 */
export function firstWordWidth(text: string): number {
  const cp = firstCodePoint(text);
  if (cp === undefined) return 0;
  if (isSpacelessCjk(cp)) return displayWidth(String.fromCodePoint(cp));
  const space = text.indexOf(' ');
  return displayWidth(space === -1 ? text : text.slice(0, space));
}

export interface ListMarker {
  /** The marker as written, e.g. `-`, `•`, `1.`, `(2)`. */
  marker: string;
  ordered: boolean;
  /** The item text after the marker. */
  rest: string;
}

const LIST_MARKER = /^(?:([-*•‣◦▪·])|(\d{1,3}[.)])|(\(\d{1,3}\)))\s+(?=\S)/u;

/** The list marker a line starts with (`- `, `* `, `• `, `1. `, `2) `, `(3) `), if any. */
export function listMarker(text: string): ListMarker | null {
  const match = LIST_MARKER.exec(text);
  if (!match) return null;
  const marker = match[1] ?? match[2] ?? match[3] ?? '';
  return { marker, ordered: match[1] === undefined, rest: text.slice(match[0].length) };
}
