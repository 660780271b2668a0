/**
 * Sentence spans of a source paragraph and its translation, for highlighting the sentence under
 * the cursor on both sides. Alignment is deliberately naive: engines nearly always keep the
 * sentence count, and when they do not, guessing a mapping would highlight the wrong text, which is
 * worse than highlighting the whole paragraph.
 */

import { segmentText } from './diff';

/** A sentence: `text === original.slice(start, end)`, trimmed, never empty. UTF-16 offsets. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface SentenceAlignment {
  source: Span[];
  target: Span[];
  /** `[sourceIndex, targetIndex]` pairs; null when the counts differ. */
  pairs: [number, number][] | null;
}

export function splitSentences(text: string, language: string): Span[] {
  const spans: Span[] = [];
  for (const { segment, index } of segmentText(text, language, 'sentence')) {
    const leading = segment.length - segment.trimStart().length;
    if (leading === segment.length) continue;
    const trailing = segment.length - segment.trimEnd().length;
    const start = index + leading;
    const end = index + segment.length - trailing;
    spans.push({ text: text.slice(start, end), start, end });
  }
  return spans;
}

export function alignSentences(
  source: string,
  sourceLang: string,
  target: string,
  targetLang: string,
): SentenceAlignment {
  const sourceSpans = splitSentences(source, sourceLang);
  const targetSpans = splitSentences(target, targetLang);
  const pairs =
    sourceSpans.length === targetSpans.length
      ? sourceSpans.map((_, i): [number, number] => [i, i])
      : null;
  return { source: sourceSpans, target: targetSpans, pairs };
}
