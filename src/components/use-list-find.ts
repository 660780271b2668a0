/**
 * Find over a list of rows that may not all be rendered: the search (useFind), bringing the
 * current match into view (find-reveal) and painting the matches (useFindHighlights), wired
 * together. The caller says what its rows show and where in a row a text sits.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { FindMatch } from '../domain/segments/find';
import { revealMatch } from './find-reveal';
import { useFind, type FindState, type FindText, type FindTexts } from './use-find';
import { useFindHighlights } from './use-find-highlights';

interface UseListFindOptions {
  texts: FindTexts;
  query: string;
  setQuery: (query: string) => void;
  startSegment: number;
  /** The element holding the rendered rows (`[data-segment]` elements). */
  root: () => HTMLElement | null;
  /** Asks the list to render a row and scroll near it. */
  bringRow: (segment: number) => void;
  /** Where a match sits in its rendered row, for the text it was found in. */
  rangeIn: (row: HTMLElement, match: FindMatch, text: FindText) => Range | null;
  barRef: RefObject<HTMLDivElement | null>;
}

export function useListFind({
  texts,
  query,
  setQuery,
  startSegment,
  root,
  bringRow,
  rangeIn,
  barRef,
}: UseListFindOptions): FindState {
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const find = useFind({
    texts,
    query,
    setQuery,
    startSegment,
    onGoTo: (match, text) =>
      revealMatch({
        row: () => root()?.querySelector<HTMLElement>(`[data-segment="${match.segment}"]`) ?? null,
        bringRow: () => bringRow(match.segment),
        rangeIn: (row) => rangeIn(row, match, text),
        bar: barRef.current,
        frame,
      }),
  });
  const { textOf } = find;
  useFindHighlights({
    active: true,
    root,
    matches: find.matches,
    current: find.current,
    rangeFor: (row, match) => {
      const text = textOf(match);
      return text ? rangeIn(row, match, text) : null;
    },
  });
  return find;
}
