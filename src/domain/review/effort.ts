/**
 * How much a post-editor changed the machine translation.
 *
 * Post-editing effort (PEE), after Matecat: `round((1 − similarity) × 100)` with
 * `similarity = 1 − distance / max(|mt|, |final|)`, so effectively `round(distance / longer × 100)`,
 * where `distance` is the Levenshtein distance (insert, delete and substitute each cost 1) between
 * the two token sequences:
 * - languages written with spaces: the `Intl.Segmenter` word segments, words and punctuation marks
 *   alike, whitespace left out (re-spacing alone costs nothing, a changed comma does);
 * - Chinese, Japanese, Korean: overlapping bigrams of the non-whitespace grapheme clusters
 *   ("東京都" → 東京, 京都); a one-character text is its own single token. Bigrams stand in for
 *   the words CJK text does not delimit, and a character kept in a new context does not count as
 *   kept.
 * Comparison is exact (case counts). 0 means untouched, 100 nothing kept. An MT with no tokens gives
 * 100 when the final has any, else 0.
 *
 * HTER here is `(insertions + deletions + substitutions) ÷ tokens of the post-edit`, the same
 * tokens as above except that CJK counts single characters, not bigrams. Block shifts are not
 * searched for, so a moved phrase costs as if it had been retyped, and the figure is an upper
 * bound of TER's. An empty post-edit gives 1 when the MT had tokens (everything removed), else 0.
 */

import { isCjkLanguage, segmentText } from './diff';

/** Past this many cells the exact distance is replaced by an upper bound (see below). */
const MAX_MATRIX_CELLS = 16_000_000;

export function postEditEffort(mt: string, final: string, language: string): number {
  return Math.round(effortRatio(mt, final, language) * 100);
}

/**
 * Word-weighted mean PEE over the rows that had a machine translation (`mt !== null`). A row weighs
 * the number of words in its final text (word-like segments; for CJK, letter and digit characters),
 * so a row emptied by the editor adds nothing. 0 when no row counts.
 */
export function documentEffort(
  rows: readonly { mt: string | null; target: string }[],
  language: string,
): number {
  return combineEffort(rows.map((row) => effortShare(row.mt, row.target, language)));
}

/** One row's part in `documentEffort`: its word weight and that weight times its edit ratio. */
export interface EffortShare {
  weight: number;
  weighted: number;
}

/**
 * A row's share of the document's effort, on its own, so a long document can keep each row's
 * share and add them up again without re-measuring rows that did not change.
 */
export function effortShare(mt: string | null, final: string, language: string): EffortShare {
  if (mt === null) return { weight: 0, weighted: 0 };
  const weight = countWords(final, language);
  if (weight === 0) return { weight: 0, weighted: 0 };
  return { weight, weighted: effortRatio(mt, final, language) * weight };
}

/** The document's effort from its rows' shares (see `documentEffort`). */
export function combineEffort(shares: Iterable<EffortShare>): number {
  let weighted = 0;
  let total = 0;
  for (const share of shares) {
    weighted += share.weighted;
    total += share.weight;
  }
  return total === 0 ? 0 : Math.round((weighted / total) * 100);
}

export function hter(mt: string, final: string, language: string): number {
  const cjk = isCjkLanguage(language);
  const a = cjk ? graphemes(mt, language) : wordTokens(mt, language);
  const b = cjk ? graphemes(final, language) : wordTokens(final, language);
  const edits = editDistance(a, b);
  if (b.length === 0) return edits > 0 ? 1 : 0;
  return edits / b.length;
}

function effortRatio(mt: string, final: string, language: string): number {
  if (mt === final) return 0;
  const a = effortTokens(mt, language);
  const b = effortTokens(final, language);
  if (a.length === 0) return b.length === 0 ? 0 : 1;
  if (b.length === 0) return 1;
  return editDistance(a, b) / Math.max(a.length, b.length);
}

function effortTokens(text: string, language: string): string[] {
  if (!isCjkLanguage(language)) return wordTokens(text, language);
  const chars = graphemes(text, language);
  if (chars.length < 2) return chars;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return bigrams;
}

function wordTokens(text: string, language: string): string[] {
  const tokens: string[] = [];
  for (const { segment } of segmentText(text, language, 'word')) {
    if (!/^\s+$/u.test(segment)) tokens.push(segment);
  }
  return tokens;
}

function graphemes(text: string, language: string): string[] {
  const chars: string[] = [];
  for (const { segment } of segmentText(text, language, 'grapheme')) {
    if (!/^\s+$/u.test(segment)) chars.push(segment);
  }
  return chars;
}

function countWords(text: string, language: string): number {
  if (isCjkLanguage(language)) {
    return graphemes(text, language).filter((char) => /[\p{L}\p{N}]/u.test(char)).length;
  }
  let count = 0;
  for (const { isWordLike } of segmentText(text, language, 'word')) {
    if (isWordLike) count++;
  }
  return count;
}

/** Levenshtein distance over tokens, two rolling rows. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  // Shared ends never change the distance and are the common case for light post-editing.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  const n = aEnd - start;
  const m = bEnd - start;
  if (n === 0 || m === 0) return n + m;
  // A pasted chapter would take seconds; substituting the overlap and adding the rest is a
  // valid edit sequence, so its cost bounds the distance from above.
  if (n * m > MAX_MATRIX_CELLS) return Math.max(n, m);

  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    const token = a[start + i - 1];
    for (let j = 1; j <= m; j++) {
      const substitute = (previous[j - 1] ?? 0) + (token === b[start + j - 1] ? 0 : 1);
      const remove = (previous[j] ?? 0) + 1;
      const insert = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitute, remove, insert);
    }
    [previous, current] = [current, previous];
  }
  return previous[m] ?? 0;
}
