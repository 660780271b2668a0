import type { Glossary, QaFinding } from '../review/types';
import type { QaInput } from './checks';
import { finding } from './finding';
import {
  LIST_SEPARATOR,
  codePointAfter,
  codePointBefore,
  firstCodePoint,
  isHangul,
  isInflectingLetter,
  isLetter,
  isUnspacedScript,
  isWordChar,
  lastCodePoint,
  normalizeSpaces,
  sameScript,
} from './text';

/**
 * Letters a target word may add after a glossary or do-not-translate term and still count as
 * that term: plural and case endings (archivo → archivos, Datei → Dateien, Google → Googlen).
 */
export const MAX_INFLECTION_SUFFIX = 3;

/**
 * A glossary target whose last word has at least this many letters may also swap its final
 * letter for an ending (книга → книги). Shorter words would match too many unrelated words
 * this way.
 */
export const MIN_STEM_LENGTH = 5;

export interface TermMatchOptions {
  caseSensitive: boolean;
  /** Allow inflectional endings after the term (Latin, Greek and Cyrillic only). */
  inflection: boolean;
  /** Also allow the term's final letter to change (only with `inflection`). */
  stemming?: boolean;
}

function prepare(text: string, caseSensitive: boolean): string {
  const spaced = normalizeSpaces(text);
  return caseSensitive ? spaced : spaced.toLowerCase();
}

/**
 * A term starts at a word boundary when the character before it is not part of a word, or is
 * of another script (Japanese "Googleで"), or the term is in a script written without spaces,
 * where words sit side by side ("新用户").
 */
function startsWord(text: string, index: number, term: string): boolean {
  const before = codePointBefore(text, index);
  const first = firstCodePoint(term);
  return (
    before === '' || !isWordChar(before) || isUnspacedScript(first) || !sameScript(before, first)
  );
}

/**
 * Whether the term ends a word at `end`, after between `minSuffix` and `maxSuffix` extra letters.
 * Korean attaches particles to nouns (사용자가) and unspaced scripts have no word ends to find,
 * so for those any continuation is fine.
 */
function endsWord(
  text: string,
  end: number,
  term: string,
  minSuffix: number,
  maxSuffix: number,
): boolean {
  const last = lastCodePoint(term);
  if (minSuffix === 0 && (isUnspacedScript(last) || isHangul(last))) return true;
  let position = end;
  for (let added = 0; ; added++) {
    const next = codePointAfter(text, position);
    const boundary = next === '' || !isWordChar(next) || !sameScript(last, next);
    if (added >= minSuffix && boundary) return true;
    if (added >= maxSuffix || boundary || !isLetter(next)) return false;
    position += next.length;
  }
}

function occursAt(text: string, needle: string, accept: (index: number) => boolean): boolean {
  if (needle === '') return false;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    if (accept(i)) return true;
  }
  return false;
}

/** Whether `term` occurs in `text` as a whole word (or inflected word, when allowed). */
export function containsTerm(text: string, term: string, options: TermMatchOptions): boolean {
  const haystack = prepare(text, options.caseSensitive);
  const needle = prepare(term, options.caseSensitive);
  if (needle === '') return false;
  const last = lastCodePoint(needle);
  const inflects = options.inflection && isInflectingLetter(last);
  const maxSuffix = inflects ? MAX_INFLECTION_SUFFIX : 0;
  const exact = occursAt(
    haystack,
    needle,
    (i) =>
      startsWord(haystack, i, needle) &&
      endsWord(haystack, i + needle.length, needle, 0, maxSuffix),
  );
  if (exact || !inflects || options.stemming !== true) return exact;
  const lastWord = needle.split(' ').pop() ?? '';
  if ((lastWord.match(/\p{L}/gu) ?? []).length < MIN_STEM_LENGTH) return false;
  const stem = needle.slice(0, needle.length - last.length);
  return occursAt(
    haystack,
    stem,
    (i) =>
      startsWord(haystack, i, stem) &&
      endsWord(haystack, i + stem.length, stem, 1, MAX_INFLECTION_SUFFIX),
  );
}

interface TermGroup {
  source: string;
  targets: string[];
}

/** Entries sharing a source term are alternatives: any one of their targets will do. */
function groupTerms(glossary: Glossary): TermGroup[] {
  const groups = new Map<string, TermGroup>();
  for (const term of glossary.terms) {
    const source = normalizeSpaces(term.source);
    const target = normalizeSpaces(term.target);
    if (source === '' || target === '') continue;
    const key = source.toLowerCase();
    const group = groups.get(key);
    if (group) group.targets.push(target);
    else groups.set(key, { source, targets: [target] });
  }
  return [...groups.values()];
}

/**
 * Source terms match case-insensitively as whole words. Target terms match case-insensitively
 * and, in Latin, Greek and Cyrillic, with up to {@link MAX_INFLECTION_SUFFIX} letters of ending
 * (or a changed final letter for words of {@link MIN_STEM_LENGTH}+ letters), since a glossary
 * lists base forms. The glossary's own language pair is not checked against the input's.
 */
export function checkGlossary(input: QaInput): QaFinding | null {
  const glossary = input.glossary;
  if (!glossary) return null;
  const missing: string[] = [];
  for (const group of groupTerms(glossary)) {
    if (!containsTerm(input.source, group.source, { caseSensitive: false, inflection: false })) {
      continue;
    }
    const found = group.targets.some((t) =>
      containsTerm(input.target, t, { caseSensitive: false, inflection: true, stemming: true }),
    );
    if (!found) missing.push(`${group.source} → ${group.targets.join(' / ')}`);
  }
  return missing.length > 0 ? finding('glossary', { terms: missing.join(LIST_SEPARATOR) }) : null;
}

/**
 * A do-not-translate term found in the source (exact case, whole word) must appear in the
 * target with the same case; endings after it are allowed, as languages like Finnish or
 * Hungarian inflect brand names (iPhonen, Google-t).
 */
export function checkDoNotTranslate(input: QaInput): QaFinding | null {
  const terms = input.glossary?.doNotTranslate ?? [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const raw of terms) {
    const term = normalizeSpaces(raw);
    if (term === '' || seen.has(term)) continue;
    seen.add(term);
    if (!containsTerm(input.source, term, { caseSensitive: true, inflection: false })) continue;
    if (!containsTerm(input.target, term, { caseSensitive: true, inflection: true })) {
      missing.push(term);
    }
  }
  return missing.length > 0
    ? finding('do-not-translate', { terms: missing.join(LIST_SEPARATOR) })
    : null;
}
