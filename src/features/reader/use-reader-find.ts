/**
 * Find in the reader, the part that loads with the page: the find button's and Ctrl+F's state,
 * the query (kept while the article is open, so reopening shows the last one) and where a new
 * search starts. The search itself (reader-find.tsx, or review-find.tsx in the review) loads when
 * find is first opened.
 */
import { useCallback, useRef, useState } from 'react';
import { firstVisibleSegment } from '../../components/find-reveal';
import { useFindBar, useFindShortcut } from '../../components/use-find-bar';
import type { SegmentListHandle } from './segment-list';

/** The reading views share one list; the review has its own rows and its own search. */
export type FindScope = 'reading' | 'review';

export function useReaderFind(scope: FindScope) {
  const listRef = useRef<SegmentListHandle>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const bar = useFindBar(inputRef);
  // Between the reading views and the review, what is searched changes altogether: the bar
  // closes rather than taking focus back by itself in the other list.
  const [openIn, setOpenIn] = useState(scope);
  if (openIn !== scope) {
    setOpenIn(scope);
    if (bar.open) bar.dismiss();
  }
  const open = bar.open && openIn === scope;
  const [query, setQuery] = useState('');
  const [startSegment, setStartSegment] = useState(0);

  const { show: showBar } = bar;
  const show = useCallback(() => {
    // A new search starts where the reader is, not at the top of the document.
    if (!open) {
      const rows = listRef.current?.root() ?? document.querySelector('.review__rows');
      setStartSegment(firstVisibleSegment(rows, barRef.current));
    }
    showBar();
  }, [open, showBar]);
  useFindShortcut(true, inputRef, show);

  return {
    listRef,
    inputRef,
    barRef,
    open,
    show,
    close: bar.close,
    focusRequest: bar.focusRequest,
    query,
    setQuery,
    startSegment,
  };
}
