import type { QaFinding } from '../review/types';
import type { QaInput } from './checks';
import { finding } from './finding';
import { primaryLanguage } from './text';

/** The kinds of sentence ending compared across scripts. */
export type EndKind = '.' | '?' | '!' | ':' | ';' | '…';

/** Sentence-ending marks of several scripts, mapped to the kind they express. */
export const END_PUNCTUATION: ReadonlyMap<string, EndKind> = new Map<string, EndKind>([
  ['.', '.'],
  ['。', '.'],
  ['．', '.'],
  ['｡', '.'],
  ['।', '.'],
  ['॥', '.'],
  ['۔', '.'],
  ['։', '.'],
  ['።', '.'],
  ['။', '.'],
  ['។', '.'],
  ['?', '?'],
  ['？', '?'],
  ['؟', '?'],
  ['፧', '?'],
  ['‽', '?'],
  ['!', '!'],
  ['！', '!'],
  [':', ':'],
  ['：', ':'],
  [';', ';'],
  ['；', ';'],
  ['؛', ';'],
  ['\u037e', ';'],
  ['…', '…'],
  ['⋯', '…'],
  ['‥', '…'],
]);

/** Greek writes its question mark like a semicolon. */
const SEMICOLON_QUESTION_LANGUAGES: ReadonlySet<string> = new Set(['el']);

/** Scripts that end sentences with a space rather than a full stop. */
export const NO_FULL_STOP_LANGUAGES: ReadonlySet<string> = new Set(['th', 'lo']);

// Closing quotes and brackets may follow the punctuation (“Go.”) or precede it («Va».); both
// orders are ignored so only the punctuation is compared.
const CLOSERS = new Set([
  '"',
  "'",
  '\u201d',
  '\u2019',
  '\u00bb',
  '\u203a',
  '\u201c',
  ')',
  ']',
  '}',
  '）',
  '］',
  '｝',
  '」',
  '』',
  '】',
  '〉',
  '》',
  '〕',
  '＂',
]);

export interface SentenceEnding {
  /** The trailing punctuation as written ('' when there is none). */
  raw: string;
  kinds: ReadonlySet<EndKind>;
}

export function sentenceEnding(text: string, language: string): SentenceEnding {
  let end = text.length;
  while (end > 0 && (CLOSERS.has(text.charAt(end - 1)) || /\s/u.test(text.charAt(end - 1)))) {
    end--;
  }
  let start = end;
  while (start > 0 && END_PUNCTUATION.has(text.charAt(start - 1))) start--;
  const raw = text.slice(start, end);
  const greek = SEMICOLON_QUESTION_LANGUAGES.has(primaryLanguage(language));
  // Three or more full stops are an ellipsis; CJK text writes it as 。。。 or ……
  const spelled = raw.replace(/\.{3,}|。{3,}/gu, '…');
  const kinds = new Set<EndKind>();
  for (const ch of spelled) {
    const kind = END_PUNCTUATION.get(ch);
    if (kind === undefined) continue;
    kinds.add(greek && kind === ';' ? '?' : kind);
  }
  return { raw, kinds };
}

export function checkEndPunctuation(input: QaInput): QaFinding | null {
  const source = sentenceEnding(input.source, input.sourceLanguage);
  const target = sentenceEnding(input.target, input.targetLanguage);
  if (source.kinds.size === 0 && target.kinds.size === 0) return null;
  // Mixed endings such as ?! match when the other side kept either mark.
  for (const kind of source.kinds) if (target.kinds.has(kind)) return null;
  if (
    target.kinds.size === 0 &&
    NO_FULL_STOP_LANGUAGES.has(primaryLanguage(input.targetLanguage)) &&
    [...source.kinds].every((k) => k === '.')
  ) {
    return null;
  }
  const params = { source: source.raw, target: target.raw };
  // The message reads differently when one side has no closing mark at all (i18next context).
  if (target.raw === '') return finding('end-punctuation', { ...params, context: 'targetNone' });
  if (source.raw === '') return finding('end-punctuation', { ...params, context: 'sourceNone' });
  return finding('end-punctuation', params);
}

interface BracketKind {
  open: readonly string[];
  close: readonly string[];
}

/** Full-width and CJK forms count as the ASCII bracket they replace. */
export const BRACKET_KINDS: readonly BracketKind[] = [
  { open: ['(', '（'], close: [')', '）'] },
  { open: ['[', '［', '【', '〔'], close: [']', '］', '】', '〕'] },
  { open: ['{', '｛'], close: ['}', '｝'] },
];

interface BracketCount {
  opens: number;
  closes: number;
  balanced: boolean;
}

function countBrackets(text: string, kind: BracketKind): BracketCount {
  let opens = 0;
  let closes = 0;
  let depth = 0;
  let dipped = false;
  for (const ch of text) {
    if (kind.open.includes(ch)) {
      opens++;
      depth++;
    } else if (kind.close.includes(ch)) {
      closes++;
      depth--;
      if (depth < 0) dipped = true;
    }
  }
  return { opens, closes, balanced: !dipped && depth === 0 };
}

/**
 * Flags a target whose brackets differ in number from the source's, or are unbalanced while the
 * source's are balanced. A source that is itself unbalanced (list items like "a)", a sentence
 * split inside a parenthesis) passes when the target mirrors it.
 */
export function checkBrackets(input: QaInput): QaFinding | null {
  for (const kind of BRACKET_KINDS) {
    const source = countBrackets(input.source, kind);
    const target = countBrackets(input.target, kind);
    if (source.opens !== target.opens || source.closes !== target.closes) {
      return finding('brackets');
    }
    if (!target.balanced && source.balanced) return finding('brackets');
  }
  return null;
}

/** Languages that write ”…” and »…» with the same mark at both ends. */
export const SAME_MARK_QUOTE_LANGUAGES: ReadonlySet<string> = new Set(['sv', 'fi']);

function tally(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/**
 * Whether the double quotes of a text pair up. Single quotes are left out: ’ and ' are also
 * apostrophes (don't, l'eau), so their count says nothing.
 */
export function quotesBalanced(text: string, language: string): boolean {
  const c = tally(text);
  const n = (ch: string) => c.get(ch) ?? 0;
  const sameMark = SAME_MARK_QUOTE_LANGUAGES.has(primaryLanguage(language));
  if ((n('"') + n('＂')) % 2 !== 0) return false;
  // English “…”, German „…“, Polish „…”, Swedish ”…”: the three marks together always pair up.
  const curly = n('\u201c') + n('\u201d') + n('\u201e');
  if (curly % 2 !== 0) return false;
  if (n('\u201e') === 0 && !sameMark && n('\u201c') !== n('\u201d')) return false;
  if (n('\u201e') > n('\u201c') + n('\u201d')) return false;
  // French «…», German and Danish »…«: one of each; Swedish and Finnish may write »…».
  for (const [open, close] of [
    ['\u00ab', '\u00bb'],
    ['\u2039', '\u203a'],
  ] as const) {
    if (sameMark ? (n(open) + n(close)) % 2 !== 0 : n(open) !== n(close)) return false;
  }
  if (n('「') !== n('」') || n('『') !== n('』')) return false;
  return true;
}

/**
 * Flags unbalanced quotes in the target unless the source is unbalanced too: a segment split
 * inside a quotation legitimately opens a quote it does not close.
 */
export function checkQuotes(input: QaInput): QaFinding | null {
  if (quotesBalanced(input.target, input.targetLanguage)) return null;
  if (!quotesBalanced(input.source, input.sourceLanguage)) return null;
  return finding('quotes');
}
