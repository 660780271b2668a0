/**
 * Find in a document: a search that ignores case and accents the way a reader expects ("cafe"
 * finds "Café", "istanbul" finds "İstanbul"), works the same for Korean, Chinese and Japanese, and
 * reports where each match sits in the text as it is displayed, so it can be highlighted there.
 *
 * Each text is prepared once ({@link prepareText}): folded to a comparable form with a map from
 * every folded position back to the original string. A query then costs one `indexOf` scan per
 * text, whatever the size of the document.
 *
 * Folding works per cluster (a character with the marks that follow it), so every folded unit
 * belongs to exactly one cluster of the original and offsets map back without ambiguity:
 * compatibility decomposition (full-width "Ａ" and ligatures read as their plain letters), locale-
 * aware lowercasing, accents of Latin, Greek and Cyrillic letters, Hebrew points and Arabic
 * vowel marks dropped, a few equivalences readers type without thinking ("ß" = "ss", typographic
 * quotes = straight ones), every run of white space read as one space, then canonical composition
 * (Hangul syllables and kana with voicing marks come back whole, so "하" does not find "한" and
 * "か" does not find "が"). Marks that change a letter elsewhere (Indic vowel signs and viramas,
 * Thai, kana voicing) are kept.
 */

/** One text of a segment, prepared for searching. */
export interface PreparedText {
  /** The text as displayed. */
  readonly text: string;
  /** The language class the text was folded with (see {@link caseLocale}). */
  readonly locale: string;
  /** The folded text that queries are matched against. */
  readonly folded: string;
  /**
   * For each folded unit, the offset in `text` where its cluster starts; `null` when the folded
   * text lines up unit for unit with the original (most text: plain Latin, Hangul, Han).
   */
  readonly starts: Uint32Array | null;
}

/** A match: which text of which segment, and where in the displayed text (UTF-16 offsets). */
export interface FindMatch {
  segment: number;
  /** Position of the text within its segment's list of texts. */
  part: number;
  start: number;
  end: number;
}

export interface FindResult {
  matches: FindMatch[];
  /** The document has more matches than were collected. */
  truncated: boolean;
}

/** Beyond this many matches the count says "N+": a one-letter query in a book has no use for all. */
export const MAX_MATCHES = 10_000;

/**
 * The languages whose lowercasing differs from the default (Turkish and Azerbaijani dotted and
 * dotless i, Lithuanian dots); every other language folds alike and shares one cache.
 */
export function caseLocale(language: string | undefined): string {
  const base = (language ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
  return base === 'tr' || base === 'az' || base === 'lt' ? base : '';
}

// Marks a reader leaves out when typing: Latin, Greek and Cyrillic accents (the combining
// diacritical blocks), Hebrew points and cantillation, Arabic harakat.
const DROPPED_MARKS: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0591, 0x05bd],
  [0x05bf, 0x05bf],
  [0x05c1, 0x05c2],
  [0x05c4, 0x05c5],
  [0x05c7, 0x05c7],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

function isDroppedMark(unit: number): boolean {
  return DROPPED_MARKS.some(([from, to]) => unit >= from && unit <= to);
}

function dropMarks(text: string): string {
  let kept = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (!isDroppedMark(unit)) kept += String.fromCharCode(unit);
  }
  return kept;
}

// Invisible characters that only hint at line breaking.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
const EQUIVALENT: Record<string, string> = {
  ß: 'ss',
  ς: 'σ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
};
const EQUIVALENT_PATTERN = new RegExp(`[${Object.keys(EQUIVALENT).join('')}]`, 'g');
const WHITE_SPACE = /^\s+$/;
const MARK = /^\p{M}$/u;

function foldCluster(cluster: string, locale: string): string {
  if (WHITE_SPACE.test(cluster)) return ' ';
  let folded = dropMarks(lower(cluster.normalize('NFKD'), locale));
  folded = folded

    .replace(INVISIBLE, '')
    .replace(EQUIVALENT_PATTERN, (char) => EQUIVALENT[char] ?? char);
  // Compatibility forms can decompose to several characters, white space among them ("㍱").
  return folded.replace(/\s+/g, ' ').normalize('NFC');
}

function lower(text: string, locale: string): string {
  if (locale === '') return text.toLowerCase();
  try {
    return text.toLocaleLowerCase(locale);
  } catch {
    return text.toLowerCase();
  }
}

/** Folded clusters per language class: a document repeats a small alphabet many times over. */
const clusterCache = new Map<string, Map<string, string>>();
/**
 * Per language class and BMP code unit, the one code unit it folds to when it folds to exactly
 * one on its own (most letters of most scripts); NOT_SIMPLE for the rest, 0 while unknown.
 */
const simpleCache = new Map<string, Uint16Array>();
const NOT_SIMPLE = 0xffff;
/** Per BMP code unit: 0 not yet known, then one of the kinds below. */
const unitKinds = new Uint8Array(0x10000);
const KIND_MARK = 1;
const KIND_SPACE = 2;
const KIND_OTHER = 3;

function kindOf(unit: number): number {
  let kind = unitKinds[unit] ?? KIND_OTHER;
  if (kind === 0) {
    const char = String.fromCharCode(unit);
    kind = MARK.test(char) ? KIND_MARK : WHITE_SPACE.test(char) ? KIND_SPACE : KIND_OTHER;
    unitKinds[unit] = kind;
  }
  return kind;
}

function isMarkAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0x300) return false;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const point = text.codePointAt(index);
    return point !== undefined && MARK.test(String.fromCodePoint(point));
  }
  return kindOf(unit) === KIND_MARK;
}

function simpleFold(table: Uint16Array, unit: number, locale: string): number {
  let folded = table[unit] ?? 0;
  if (folded === 0) {
    const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
    const isLeadingJamo = unit >= 0x1100 && unit <= 0x115f;
    const char = String.fromCharCode(unit);
    const result = isSurrogate || isLeadingJamo || MARK.test(char) ? '' : foldCluster(char, locale);
    folded = result.length === 1 && result !== ' ' ? result.charCodeAt(0) : NOT_SIMPLE;
    // The unit that stands for "not simple" and "unknown" cannot itself be simple.
    if (folded === 0) folded = NOT_SIMPLE;
    table[unit] = folded;
  }
  return folded;
}

/** Where the cluster starting at `index` ends. */
function clusterEnd(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  let end = index + 1;
  if (unit >= 0xd800 && unit <= 0xdbff && end < text.length) {
    const next = text.charCodeAt(end);
    if (next >= 0xdc00 && next <= 0xdfff) end++;
  } else if (unit >= 0x1100 && unit <= 0x115f) {
    // Hangul written as conjoining jamo: a leading consonant, a vowel and an optional final
    // consonant make one syllable, which composition turns back into the precomposed letter.
    const vowel = text.charCodeAt(end);
    if (vowel >= 0x1160 && vowel <= 0x11a7) {
      end++;
      const final = text.charCodeAt(end);
      if (final >= 0x11a8 && final <= 0x11ff) end++;
    }
  }
  while (end < text.length && isMarkAt(text, end)) {
    end += text.charCodeAt(end) >= 0xd800 && text.charCodeAt(end) <= 0xdbff ? 2 : 1;
  }
  return end;
}

const SPACE = 0x20;

/**
 * Folds a text for searching and remembers where each folded unit came from. `language` is the
 * text's own language (BCP 47), which decides how it lowercases.
 *
 * This runs once per text of a document that may hold millions of characters, so the common case
 * (a character that folds to one character and carries no marks) goes through a lookup table and
 * typed arrays; only clusters (accented letters in decomposed form, ligatures, emoji, jamo) take
 * the slow path, and their folds are cached.
 */
export function prepareText(text: string, language?: string): PreparedText {
  const locale = caseLocale(language);
  let simple = simpleCache.get(locale);
  if (!simple) {
    simple = new Uint16Array(0x10000);
    simpleCache.set(locale, simple);
  }
  let clusters = clusterCache.get(locale);
  if (!clusters) {
    clusters = new Map();
    clusterCache.set(locale, clusters);
  }
  let out: Uint16Array = new Uint16Array(text.length + 16);
  let starts: Uint32Array = new Uint32Array(text.length + 16);
  let length = 0;
  let aligned = true;
  let space = false;

  for (let index = 0; index < text.length;) {
    const unit = text.charCodeAt(index);
    const kind =
      unit < 0x80
        ? unit === SPACE || (unit >= 0x09 && unit <= 0x0d)
          ? KIND_SPACE
          : KIND_OTHER
        : kindOf(unit);
    if (kind === KIND_SPACE) {
      // A run of white space reads as one space; the run's first character stands for it.
      if (!space) {
        if (length === out.length) [out, starts] = grown(out, starts, 1);
        out[length] = SPACE;
        starts[length++] = index;
        space = true;
      }
      if (length !== index + 1) aligned = false;
      index++;
      continue;
    }
    const folded = simple[unit] || simpleFold(simple, unit, locale);
    const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
    if (folded !== NOT_SIMPLE && (next < 0x300 || !isMarkAt(text, index + 1))) {
      if (length === out.length) [out, starts] = grown(out, starts, 1);
      out[length] = folded;
      starts[length++] = index;
      space = false;
      index++;
      continue;
    }
    const end = clusterEnd(text, index);
    const cluster = text.slice(index, end);
    let piece = clusters.get(cluster);
    if (piece === undefined) {
      piece = foldCluster(cluster, locale);
      clusters.set(cluster, piece);
    }
    if (space && piece.startsWith(' ')) piece = piece.slice(1);
    if (length + piece.length > out.length) [out, starts] = grown(out, starts, piece.length);
    for (let k = 0; k < piece.length; k++) {
      out[length] = piece.charCodeAt(k);
      starts[length++] = index;
    }
    if (piece !== '') space = piece.endsWith(' ');
    if (length !== end || piece.length !== end - index) aligned = false;
    index = end;
  }

  return {
    text,
    locale,
    folded: decode(out, length),
    starts: aligned ? null : starts.slice(0, length),
  };
}

function grown(out: Uint16Array, starts: Uint32Array, needed: number): [Uint16Array, Uint32Array] {
  const size = Math.max(out.length * 2, out.length + needed);
  const nextOut = new Uint16Array(size);
  nextOut.set(out);
  const nextStarts = new Uint32Array(size);
  nextStarts.set(starts);
  return [nextOut, nextStarts];
}

const utf16 = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le');

function decode(units: Uint16Array, length: number): string {
  // Folded text only ever holds what the original held, so a lone surrogate read as U+FFFD
  // keeps every offset.
  if (utf16) return utf16.decode(units.subarray(0, length));
  let text = '';
  for (let from = 0; from < length; from += 4096) {
    text += String.fromCharCode(...units.subarray(from, Math.min(length, from + 4096)));
  }
  return text;
}

/** The folded form of a query in a language class; white space at either end is ignored. */
export function foldQuery(query: string, language?: string): string {
  return prepareText(query.trim(), language).folded;
}

/** The span of `text` that a folded span covers, widened to whole clusters. */
export function originalSpan(
  prepared: PreparedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const { starts, text } = prepared;
  if (starts === null) return { start, end };
  const from = starts[start] ?? text.length;
  // Units of one cluster share its start: the match ends where the next cluster begins.
  const last = starts[end - 1] ?? from;
  let next = end;
  while (next < starts.length && starts[next] === last) next++;
  return { start: from, end: next < starts.length ? (starts[next] ?? text.length) : text.length };
}

/**
 * Every match of `query` in the prepared texts, in document order (segment, then part, then
 * position). Matches do not overlap: after one is found the search goes on from its end, as a
 * browser's find does, so every highlighted span is a match of its own.
 */
export function findMatches(
  segments: readonly (readonly PreparedText[])[],
  query: string,
  limit = MAX_MATCHES,
): FindResult {
  const matches: FindMatch[] = [];
  const folded = new Map<string, string>();
  if (query.trim() === '') return { matches, truncated: false };
  for (let segment = 0; segment < segments.length; segment++) {
    const parts = segments[segment] ?? [];
    for (let part = 0; part < parts.length; part++) {
      const prepared = parts[part];
      if (!prepared) continue;
      let needle = folded.get(prepared.locale);
      if (needle === undefined) {
        needle = foldQuery(query, prepared.locale);
        folded.set(prepared.locale, needle);
      }
      if (needle === '') continue;
      let at = prepared.folded.indexOf(needle);
      while (at !== -1) {
        if (matches.length >= limit) return { matches, truncated: true };
        matches.push({ segment, part, ...originalSpan(prepared, at, at + needle.length) });
        at = prepared.folded.indexOf(needle, at + needle.length);
      }
    }
  }
  return { matches, truncated: false };
}

/**
 * The first match at or after a place in the document (segment, part, offset), wrapping to the
 * first match; -1 when there are none. Matches are in document order, so this is a binary search.
 */
export function matchAtOrAfter(
  matches: readonly FindMatch[],
  segment: number,
  part = 0,
  start = 0,
): number {
  if (matches.length === 0) return -1;
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const match = matches[middle] as FindMatch;
    const before =
      match.segment !== segment
        ? match.segment < segment
        : match.part !== part
          ? match.part < part
          : match.start < start;
    if (before) low = middle + 1;
    else high = middle;
  }
  return low < matches.length ? low : 0;
}

/** The matches in one segment, as a range of indices into `matches` (document order). */
export function matchesInSegment(
  matches: readonly FindMatch[],
  segment: number,
): { from: number; to: number } {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((matches[middle] as FindMatch).segment < segment) low = middle + 1;
    else high = middle;
  }
  let to = low;
  while (to < matches.length && (matches[to] as FindMatch).segment === segment) to++;
  return { from: low, to };
}
