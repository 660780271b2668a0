import type { QaFinding } from '../review/types';
import type { QaInput } from './checks';
import { finding } from './finding';
import { maskLinks } from './links';
import { isCjkLanguage, letterWords, normalizeSpaces, primaryLanguage, segmentWords } from './text';

/**
 * A copied source needs at least this many real words to count as untranslated; one word is too
 * often a name, a brand or a term that is the same in both languages.
 */
export const MIN_UNTRANSLATED_WORDS = 2;

/**
 * Up to this many capitalised words read as a name or title ("Barack Obama", "New York Times"),
 * which a translation legitimately keeps.
 */
export const MAX_NAME_WORDS = 3;

const CAPITALISED = /^[\p{Lu}\p{Lt}]/u;

export function checkUntranslated(input: QaInput): QaFinding | null {
  const sourceLang = primaryLanguage(input.sourceLanguage);
  // Between variants of one language (en-US → en-GB) most text rightly stays the same.
  if (sourceLang !== '' && sourceLang === primaryLanguage(input.targetLanguage)) return null;
  if (normalizeSpaces(input.source) !== normalizeSpaces(input.target)) return null;
  const words = letterWords(maskLinks(input.source), input.sourceLanguage);
  if (words.length < MIN_UNTRANSLATED_WORDS) return null;
  if (words.length <= MAX_NAME_WORDS && words.every((w) => CAPITALISED.test(w))) return null;
  return finding('untranslated');
}

/**
 * Words some languages legitimately write twice in a row: English "had had", "that that";
 * French reflexive "nous nous", "vous vous"; German relative clauses "die die", "der der".
 */
export const ALLOWED_REPEATED_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['had', 'that'],
  fr: ['nous', 'vous'],
  de: ['die', 'der', 'das'],
};

interface Repetition {
  /** The word as written (first of the pair). */
  word: string;
  key: string;
}

/** Words written twice in a row with only whitespace between them. */
export function findRepetitions(text: string, language: string): Repetition[] {
  const out: Repetition[] = [];
  let previous: Repetition | null = null;
  // Only whitespace may sit between the two: "the, the" is a deliberate figure. CJK text has no
  // spaces, so reduplication there ("看看"), which is ordinary grammar, is never flagged.
  let gapSeen = false;
  let gapIsSpace = true;
  for (const s of segmentWords(text, language)) {
    if (!s.isWordLike) {
      gapSeen = true;
      if (!/^\s+$/u.test(s.segment)) gapIsSpace = false;
      continue;
    }
    const isWord = /\p{L}/u.test(s.segment) && !/\p{N}/u.test(s.segment);
    if (isWord) {
      const key = s.segment.normalize('NFC').toLowerCase();
      if (previous !== null && gapSeen && gapIsSpace && previous.key === key) {
        out.push({ word: previous.word, key });
      }
      previous = { word: s.segment, key };
    } else {
      previous = null;
    }
    gapSeen = false;
    gapIsSpace = true;
  }
  return out;
}

export function checkRepeatedWords(input: QaInput): QaFinding | null {
  const allowed = ALLOWED_REPEATED_WORDS[primaryLanguage(input.targetLanguage)] ?? [];
  const target = findRepetitions(input.target, input.targetLanguage).filter(
    (r) => !allowed.includes(r.key),
  );
  if (target.length === 0) return null;
  const source = findRepetitions(input.source, input.sourceLanguage).map((r) => r.key);
  // The same doubled word in the source (a name like "Bora Bora") excuses its copy; each other
  // source repetition (emphasis, "very very") excuses one translated repetition.
  const unexcused: Repetition[] = [];
  for (const r of target) {
    const same = source.indexOf(r.key);
    if (same >= 0) source.splice(same, 1);
    else unexcused.push(r);
  }
  const left = unexcused.slice(source.length);
  const first = left[0];
  return first ? finding('repeated-words', { word: first.word }) : null;
}

/** Sources shorter than this (in weighted characters) vary too much in length to judge. */
export const MIN_LENGTH_RATIO_SOURCE = 10;
/** Sources shorter than this get the looser {@link MAX_RATIO_SHORT_SOURCE}. */
export const SHORT_SOURCE_LENGTH = 20;
/** Short strings ("Save", "Log in") often need a whole phrase in other languages. */
export const MAX_RATIO_SHORT_SOURCE = 350;
/** In running text, doubling the length usually means added or duplicated content. */
export const MAX_RATIO = 200;
/** A target under 30% of the source has usually lost a clause. */
export const MIN_RATIO = 30;

/**
 * One CJK character carries about as much as this many Latin letters: Chinese runs at roughly a
 * third of the English character count, Japanese (kanji mixed with kana) and Korean at about
 * half. Weighting them brings both sides to one scale before the ratio is taken.
 */
export const CJK_CHARACTER_WEIGHT = { han: 3, kana: 2, hangul: 2 } as const;

/**
 * The weights above are averages and real density varies with the text, so when either language
 * is Chinese, Japanese or Korean the limits widen: the minimum drops to this…
 */
export const CJK_MIN_RATIO = 20;
/** …and the maximum is multiplied by this. */
export const CJK_MAX_RATIO_FACTOR = 1.5;

const HAN = /^\p{sc=Han}/u;
const KANA = /^[\p{sc=Hiragana}\p{sc=Katakana}]/u;
const HANGUL = /^\p{sc=Hangul}/u;

/** Length in code points with CJK characters weighted and whitespace runs counted once. */
export function weightedLength(text: string): number {
  let length = 0;
  for (const ch of normalizeSpaces(text)) {
    if (HAN.test(ch)) length += CJK_CHARACTER_WEIGHT.han;
    else if (KANA.test(ch)) length += CJK_CHARACTER_WEIGHT.kana;
    else if (HANGUL.test(ch)) length += CJK_CHARACTER_WEIGHT.hangul;
    else length += 1;
  }
  return length;
}

export interface RatioLimits {
  min: number;
  max: number;
}

export function lengthRatioLimits(sourceLength: number, cjk: boolean): RatioLimits {
  const max = sourceLength < SHORT_SOURCE_LENGTH ? MAX_RATIO_SHORT_SOURCE : MAX_RATIO;
  return cjk ? { min: CJK_MIN_RATIO, max: max * CJK_MAX_RATIO_FACTOR } : { min: MIN_RATIO, max };
}

/** `ratio` is the weighted target length as a percentage of the weighted source length. */
export function checkLengthRatio(input: QaInput): QaFinding | null {
  const sourceLength = weightedLength(input.source);
  if (sourceLength < MIN_LENGTH_RATIO_SOURCE) return null;
  const ratio = Math.round((weightedLength(input.target) / sourceLength) * 100);
  const cjk = isCjkLanguage(input.sourceLanguage) || isCjkLanguage(input.targetLanguage);
  const { min, max } = lengthRatioLimits(sourceLength, cjk);
  return ratio < min || ratio > max ? finding('length-ratio', { ratio }) : null;
}
