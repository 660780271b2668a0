import type { QaFinding } from '../review/types';
import type { QaInput } from './checks';
import { finding } from './finding';
import { maskLinks } from './links';
import { LIST_SEPARATOR, codePointBefore, isWordChar } from './text';

/** How one language writes 1,234,567.5: which characters group digits and which marks decimals. */
export interface NumberConvention {
  readonly group: ReadonlySet<string>;
  readonly decimal: string;
}

/**
 * Read as digit grouping in every language: SI / ISO 80000 style groups digits with these, and
 * nobody separates two different numbers with a no-break or thin space.
 */
export const UNIVERSAL_GROUP_SEPARATORS: readonly string[] = ['\u00a0', '\u202f', '\u2009'];

// Languages whose grouping is a (no-break) space also accept a plain space: that is how such
// numbers are typed on ordinary keyboards.
const SPACE_LIKE = /\s/u;
const APOSTROPHES = ["'", '\u2019'];

// Keyed by arbitrary tags from user data; bounded so odd tags cannot pile up.
const MAX_CACHED_CONVENTIONS = 64;
const conventions = new Map<string, NumberConvention>();

export function numberConvention(language: string): NumberConvention {
  const cached = conventions.get(language);
  if (cached) return cached;
  let groupChar = ',';
  let decimal = '.';
  try {
    const parts = new Intl.NumberFormat(language).formatToParts(1234567.5);
    groupChar = parts.find((p) => p.type === 'group')?.value ?? '';
    decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    // A malformed tag: English conventions are the most common in mixed text.
  }
  const group = new Set(UNIVERSAL_GROUP_SEPARATORS);
  if (groupChar !== '') group.add(groupChar);
  if (SPACE_LIKE.test(groupChar)) group.add(' ');
  if (APOSTROPHES.includes(groupChar)) for (const a of APOSTROPHES) group.add(a);
  group.delete(decimal);
  const convention: NumberConvention = { group, decimal };
  if (conventions.size >= MAX_CACHED_CONVENTIONS) conventions.clear();
  conventions.set(language, convention);
  return convention;
}

export interface ParsedNumber {
  /** Canonical form: optional '-', integer without leading zeros, '.' and fraction if any. */
  value: string;
  /** The number as written. */
  raw: string;
  /** Offset in the text, to keep reports in reading order. */
  index: number;
}

interface DigitRun {
  digits: string;
  start: number;
  end: number;
}

interface NumberToken {
  runs: DigitRun[];
  /** `seps[i]` sits between `runs[i]` and `runs[i + 1]`. */
  seps: string[];
  /** Offset of the minus sign, or -1. */
  signAt: number;
}

// ASCII digits only (`\d` never matches other scripts). Any single separator between digit runs
// is kept in the token; each convention then decides which ones group, mark decimals or split.
const NUMBER_TOKEN = /\d+(?:[.,'\u2019\u066b\u066c\u00a0\u202f\u2009 ]\d+)*/gu;
const DIGITS = /\d+/gu;
const MINUS_SIGNS = new Set(['-', '\u2212']);

function tokenize(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER_TOKEN)) {
    const runs: DigitRun[] = [];
    for (const d of match[0].matchAll(DIGITS)) {
      const start = match.index + d.index;
      runs.push({ digits: d[0], start, end: start + d[0].length });
    }
    const seps = runs.slice(1).map((run) => text.charAt(run.start - 1));
    // A minus counts as a sign only where it cannot be a hyphen or a range dash: not glued to a
    // preceding word or number (COVID-19, 10-20).
    const before = text.charAt(match.index - 1);
    const signAt =
      MINUS_SIGNS.has(before) && !isWordChar(codePointBefore(text, match.index - 1))
        ? match.index - 1
        : -1;
    tokens.push({ runs, seps, signAt });
  }
  return tokens;
}

/**
 * The last run index (≥ `from`) that still belongs to one grouped integer starting at `from`,
 * looking only at runs joined by group separators (up to `runEnd`). Accepts Western grouping
 * (1,234,567) and Indian lakh grouping (12,34,567).
 */
// Real lakh figures have few two-digit groups (eight already reach 10^18); the cap keeps a long
// run of two-digit numbers from being rescanned at every position.
const MAX_LAKH_PAIRS = 8;

function groupedEnd(runs: readonly DigitRun[], from: number, runEnd: number): number {
  const len = (i: number) => runs[i]?.digits.length ?? 0;
  let best = from;
  const first = len(from);
  if (first >= 1 && first <= 3) {
    let k = from;
    while (k + 1 <= runEnd && len(k + 1) === 3) k++;
    best = k;
  }
  if (first >= 1 && first <= 2) {
    let k = from;
    while (k + 1 <= runEnd && k - from < MAX_LAKH_PAIRS && len(k + 1) === 2) k++;
    if (k > from && k + 1 <= runEnd && len(k + 1) === 3) best = Math.max(best, k + 1);
  }
  return best;
}

function canonical(integer: string, fraction: string, negative: boolean): string {
  const int = integer.replace(/^0+(?=\d)/, '');
  const frac = fraction.replace(/0+$/, '');
  const body = frac === '' ? int : `${int}.${frac}`;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

function readToken(token: NumberToken, text: string, convention: NumberConvention): ParsedNumber[] {
  const { runs, seps } = token;
  const out: ParsedNumber[] = [];
  let i = 0;
  let runEnd = -1;
  while (i < runs.length) {
    // One scan per group-joined stretch, reused by each number inside it.
    if (runEnd < i) {
      runEnd = i;
      while (runEnd < seps.length && convention.group.has(seps[runEnd] ?? '')) runEnd++;
    }
    const intEnd = groupedEnd(runs, i, runEnd);
    const integer = runs
      .slice(i, intEnd + 1)
      .map((r) => r.digits)
      .join('');
    let last = intEnd;
    let fraction = '';
    if (intEnd + 1 < runs.length && seps[intEnd] === convention.decimal) {
      last = intEnd + 1;
      fraction = runs[last]?.digits ?? '';
    }
    const negative = i === 0 && token.signAt >= 0;
    const start = negative ? token.signAt : (runs[i]?.start ?? 0);
    const end = runs[last]?.end ?? start;
    out.push({
      value: canonical(integer, fraction, negative),
      raw: text.slice(start, end),
      index: start,
    });
    i = last + 1;
  }
  return out;
}

/** Every distinct way to read a token, the first convention's reading first. */
function readings(
  token: NumberToken,
  text: string,
  conventionsInOrder: readonly NumberConvention[],
): ParsedNumber[][] {
  const out: ParsedNumber[][] = [];
  const seen = new Set<string>();
  for (const convention of conventionsInOrder) {
    const reading = readToken(token, text, convention);
    const key = reading.map((n) => n.value).join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(reading);
    }
  }
  return out;
}

/** Numbers in the text read with one language's conventions (links left out). */
export function extractNumbers(text: string, language: string): ParsedNumber[] {
  const masked = maskLinks(text);
  const convention = numberConvention(language);
  return tokenize(masked).flatMap((token) => readToken(token, masked, convention));
}

interface Unmatched {
  fixed: ParsedNumber[];
  flexible: ParsedNumber[];
}

/**
 * Matches one side read its own way against the other side, where each ambiguous token takes
 * whichever reading matches most of what is still unmatched.
 */
function matchNumbers(
  fixedTokens: readonly ParsedNumber[][][],
  flexibleTokens: readonly ParsedNumber[][][],
): Unmatched {
  const pool = fixedTokens.flatMap((token) => token[0] ?? []);
  const used = new Array<boolean>(pool.length).fill(false);
  // A read cursor per value instead of Array#shift, which would make long lists quadratic.
  const available = new Map<string, { indices: number[]; next: number }>();
  pool.forEach((n, i) => {
    const queue = available.get(n.value);
    if (queue) queue.indices.push(i);
    else available.set(n.value, { indices: [i], next: 0 });
  });
  const remaining = (value: string) => {
    const queue = available.get(value);
    return queue ? queue.indices.length - queue.next : 0;
  };
  const flexible: ParsedNumber[] = [];
  const take = (n: ParsedNumber) => {
    const queue = available.get(n.value);
    const idx = queue?.indices[queue.next];
    if (queue === undefined || idx === undefined) {
      flexible.push(n);
      return;
    }
    queue.next++;
    used[idx] = true;
  };
  const score = (reading: readonly ParsedNumber[]) => {
    const left = new Map<string, number>();
    let hits = 0;
    for (const n of reading) {
      const have = left.get(n.value) ?? remaining(n.value);
      if (have > 0) hits++;
      left.set(n.value, Math.max(0, have - 1));
    }
    return hits;
  };
  // Unambiguous tokens claim their matches first so ambiguous ones choose among what is left.
  for (const token of flexibleTokens) if (token.length === 1) token[0]?.forEach(take);
  for (const token of flexibleTokens) {
    if (token.length < 2) continue;
    let best = token[0] ?? [];
    let bestScore = score(best);
    for (const reading of token.slice(1)) {
      const s = score(reading);
      if (s > bestScore) {
        best = reading;
        bestScore = s;
      }
    }
    best.forEach(take);
  }
  return {
    fixed: pool.filter((_, i) => used[i] !== true),
    flexible: flexible.sort((a, b) => a.index - b.index),
  };
}

export interface NumberDifference {
  missing: string[];
  extra: string[];
}

/**
 * Numbers of the source missing from the target and numbers only the target has. Each side is
 * read with its own language's separators; where a token is ambiguous, the other language's
 * reading is accepted too (a target that kept the source's `1,275` is still right).
 */
export function compareNumbers(input: QaInput): NumberDifference {
  const source = maskLinks(input.source);
  const target = maskLinks(input.target);
  const sourceConvention = numberConvention(input.sourceLanguage);
  const targetConvention = numberConvention(input.targetLanguage);
  const sourceTokens = tokenize(source).map((t) =>
    readings(t, source, [sourceConvention, targetConvention]),
  );
  const targetTokens = tokenize(target).map((t) =>
    readings(t, target, [targetConvention, sourceConvention]),
  );
  const forward = matchNumbers(sourceTokens, targetTokens);
  const backward = matchNumbers(targetTokens, sourceTokens);
  const size = (u: Unmatched) => u.fixed.length + u.flexible.length;
  const [missing, extra] =
    size(backward) < size(forward)
      ? [backward.flexible, backward.fixed]
      : [forward.fixed, forward.flexible];
  return { missing: missing.map((n) => n.raw), extra: extra.map((n) => n.raw) };
}

export function checkNumbers(input: QaInput): QaFinding | null {
  const { missing, extra } = compareNumbers(input);
  if (missing.length === 0 && extra.length === 0) return null;
  return finding('numbers', {
    missing: missing.join(LIST_SEPARATOR),
    extra: extra.join(LIST_SEPARATOR),
  });
}
