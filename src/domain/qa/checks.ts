/**
 * Quality checks for one source/target pair of the review workspace. Pure functions over
 * strings: any text, in any script, yields findings and never an exception.
 */
import type { Glossary, QaCheckId, QaFinding } from '../review/types';
import { finding } from './finding';
import { checkEmails, checkUrls } from './links';
import { checkNumbers } from './numbers';
import { checkBrackets, checkEndPunctuation, checkQuotes } from './punctuation';
import { checkDoubleSpaces, checkWhitespace } from './spacing';
import { checkDoNotTranslate, checkGlossary } from './terms';
import { checkLengthRatio, checkRepeatedWords, checkUntranslated } from './words';

export interface QaInput {
  source: string;
  target: string;
  /** BCP 47, e.g. 'en'. */
  sourceLanguage: string;
  /** BCP 47, e.g. 'es', 'ko', 'ja', 'fr', 'de'. */
  targetLanguage: string;
  glossary?: Glossary | null;
}

/** Every check, in the order findings are listed. */
export const QA_CHECK_IDS: readonly QaCheckId[] = [
  'empty',
  'untranslated',
  'numbers',
  'urls',
  'emails',
  'end-punctuation',
  'whitespace',
  'double-spaces',
  'repeated-words',
  'length-ratio',
  'brackets',
  'quotes',
  'glossary',
  'do-not-translate',
];

export type QaCheck = (input: QaInput) => QaFinding | null;

export function checkEmpty(input: QaInput): QaFinding | null {
  return input.target.trim() === '' && input.source.trim() !== '' ? finding('empty') : null;
}

/** A record, so adding a check id without its function fails to compile. */
export const QA_CHECKS: Readonly<Record<QaCheckId, QaCheck>> = {
  empty: checkEmpty,
  untranslated: checkUntranslated,
  numbers: checkNumbers,
  urls: checkUrls,
  emails: checkEmails,
  'end-punctuation': checkEndPunctuation,
  whitespace: checkWhitespace,
  'double-spaces': checkDoubleSpaces,
  'repeated-words': checkRepeatedWords,
  'length-ratio': checkLengthRatio,
  brackets: checkBrackets,
  quotes: checkQuotes,
  glossary: checkGlossary,
  'do-not-translate': checkDoNotTranslate,
};

/**
 * Findings in {@link QA_CHECK_IDS} order, at most one per check. An empty target gets only the
 * `empty` finding: every other check would just restate that nothing is there.
 */
export function runQaChecks(input: QaInput): QaFinding[] {
  if (input.target.trim() === '') {
    const empty = checkEmpty(input);
    return empty ? [empty] : [];
  }
  const findings: QaFinding[] = [];
  for (const id of QA_CHECK_IDS) {
    let result: QaFinding | null;
    try {
      result = QA_CHECKS[id](input);
    } catch {
      // The checks are built not to throw; should one still fail on some text, the review must
      // go on with the others rather than lose every finding for the row.
      result = null;
    }
    if (result) findings.push(result);
  }
  return findings;
}

export { QA_CHECK_SEVERITY } from './finding';
export { checkEmails, checkUrls, findEmails, findUrls, maskLinks } from './links';
export { checkNumbers, compareNumbers, extractNumbers, numberConvention } from './numbers';
export {
  BRACKET_KINDS,
  END_PUNCTUATION,
  NO_FULL_STOP_LANGUAGES,
  SAME_MARK_QUOTE_LANGUAGES,
  checkBrackets,
  checkEndPunctuation,
  checkQuotes,
} from './punctuation';
export { checkDoubleSpaces, checkWhitespace } from './spacing';
export {
  MAX_INFLECTION_SUFFIX,
  MIN_STEM_LENGTH,
  checkDoNotTranslate,
  checkGlossary,
  containsTerm,
} from './terms';
export {
  ALLOWED_REPEATED_WORDS,
  CJK_CHARACTER_WEIGHT,
  CJK_MAX_RATIO_FACTOR,
  CJK_MIN_RATIO,
  MAX_NAME_WORDS,
  MAX_RATIO,
  MAX_RATIO_SHORT_SOURCE,
  MIN_LENGTH_RATIO_SOURCE,
  MIN_RATIO,
  MIN_UNTRANSLATED_WORDS,
  SHORT_SOURCE_LENGTH,
  checkLengthRatio,
  checkRepeatedWords,
  checkUntranslated,
} from './words';
