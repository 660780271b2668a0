/**
 * The review workspace's model: one review per article and target language, one row per body
 * segment. Pure data, shared by the checks (domain/qa), the file formats (domain/formats), storage
 * and the review view.
 */

/** Where a row stands. `mt` is untouched machine translation (or nothing yet). */
export type SegmentStatus = 'mt' | 'edited' | 'reviewed' | 'approved' | 'rejected';

export const SEGMENT_STATUSES: readonly SegmentStatus[] = [
  'mt',
  'edited',
  'reviewed',
  'approved',
  'rejected',
];

/** Which engine made the machine translation a row started from; kept after any edit. */
export interface MtOrigin {
  /** Provider id, e.g. `apertium`, `deepl`. */
  provider: string;
  /** Model or engine version where the provider has one (LLM model, APy endpoint). */
  model?: string;
  /** When the translation was made (ms since epoch). */
  createdAt: number;
}

export interface ReviewComment {
  id: string;
  author: string;
  text: string;
  createdAt: number;
}

export interface ReviewSegment {
  /** The body segment's index in the article (`data-segment`). */
  index: number;
  source: string;
  /** The machine translation as the engine gave it; null when there was none. */
  mt: string | null;
  mtOrigin: MtOrigin | null;
  /** The current target text (the MT until someone edits it). */
  target: string;
  status: SegmentStatus;
  comments: ReviewComment[];
  /** Time spent editing this row, summed over sessions. */
  timeSpentMs: number;
  updatedAt: number;
}

export interface ReviewDocument {
  /** The article's id (hash of its content) or, for an imported file, one made from it. */
  articleId: string;
  title: string;
  /** BCP 47 tags. */
  sourceLanguage: string;
  targetLanguage: string;
  segments: ReviewSegment[];
}

export interface GlossaryTerm {
  source: string;
  target: string;
  note?: string;
}

/** Terms for one language pair. */
export interface Glossary {
  sourceLanguage: string;
  targetLanguage: string;
  terms: GlossaryTerm[];
  /** Terms that must appear unchanged in the target (brand names, product names). */
  doNotTranslate: string[];
}

export type QaCheckId =
  | 'empty'
  | 'untranslated'
  | 'numbers'
  | 'urls'
  | 'emails'
  | 'end-punctuation'
  | 'whitespace'
  | 'double-spaces'
  | 'repeated-words'
  | 'length-ratio'
  | 'brackets'
  | 'quotes'
  | 'glossary'
  | 'do-not-translate';

export interface QaFinding {
  check: QaCheckId;
  severity: 'error' | 'warning';
  /** Values for the localized message (e.g. `{ missing: '1,275' }`); strings or numbers only. */
  params?: Record<string, string | number>;
}
