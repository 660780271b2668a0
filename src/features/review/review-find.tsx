/**
 * Find in the review: every row shown under the current filter is searched, source and target as
 * the reviewer has it now (edits included), rendered or not. A match in a far row brings that row
 * in; matches are painted over the source and over the target's mirror behind the editor, so the
 * text being edited is never touched. Focus stays in the find field: Enter goes on to the next
 * match, Esc gives focus back to the row it came from. Loaded when find is first opened here.
 */
import { useMemo, type RefObject } from 'react';
import { FindBar } from '../../components/find-bar';
import { rangeInText } from '../../components/find-reveal';
import type { FindText, FindTexts } from '../../components/use-find';
import { useListFind } from '../../components/use-list-find';
import type { FindMatch } from '../../domain/segments/find';
import type { FindBarControls } from '../reader/find-context';
import type { ReviewListHandle } from './review-list';

/** What find needs of a row: the texts it shows. */
export interface FindableRow {
  index: number;
  source: string;
  target: string;
}

export interface ReviewFindProps extends FindBarControls {
  rows: readonly FindableRow[];
  /** The rows shown under the current filter, by index, in order. */
  shown: readonly number[];
  sourceLanguage: string;
  targetLanguage: string;
  /** The element holding the rendered rows. */
  rowsRef: RefObject<HTMLDivElement | null>;
  listRef: RefObject<ReviewListHandle | null>;
}

/**
 * Per row index, the texts the review shows for it: its source, then its target when it has one.
 * Rows the filter hides, and indexes that are not rows, have none.
 */
export function reviewFindTexts(
  rows: readonly FindableRow[],
  shown: readonly number[],
  sourceLanguage: string,
  targetLanguage: string,
): FindTexts {
  const visible = new Set(shown);
  const length = rows.reduce((most, row) => Math.max(most, row.index + 1), 0);
  const texts: (readonly FindText[])[] = Array.from({ length }, () => NO_TEXTS);
  for (const row of rows) {
    if (!visible.has(row.index)) continue;
    const source: FindText = { text: row.source, lang: sourceLanguage, part: 'source' };
    texts[row.index] =
      row.target === ''
        ? [source]
        : [source, { text: row.target, lang: targetLanguage, part: 'target' }];
  }
  return texts;
}

const NO_TEXTS: readonly FindText[] = [];

export default function ReviewFind({
  id,
  rows,
  shown,
  sourceLanguage,
  targetLanguage,
  rowsRef,
  listRef,
  inputRef,
  barRef,
  query,
  setQuery,
  startSegment,
  focusRequest,
  onClose,
}: ReviewFindProps) {
  const texts = useMemo(
    () => reviewFindTexts(rows, shown, sourceLanguage, targetLanguage),
    [rows, shown, sourceLanguage, targetLanguage],
  );

  const find = useListFind({
    texts,
    query,
    setQuery,
    startSegment,
    root: () => rowsRef.current,
    bringRow: (segment) => listRef.current?.scrollToRow(segment),
    rangeIn,
    barRef,
  });

  return (
    <FindBar
      id={id}
      ref={barRef}
      find={find}
      inputRef={inputRef}
      focusRequest={focusRequest}
      onClose={onClose}
    />
  );
}

/**
 * The range of a match in its row: in the source as shown, or in the mirror of the target behind
 * the editor (it holds the same text, laid out the same way, and ends in an extra line break).
 */
function rangeIn(row: HTMLElement, match: FindMatch, text: FindText): Range | null {
  if (text.part === 'source') {
    return rangeInText(row.querySelector('.review-row__source'), text.text, match.start, match.end);
  }
  return rangeInText(
    row.querySelector('.review-target__backdrop'),
    text.text,
    match.start,
    match.end,
    { prefix: true },
  );
}
