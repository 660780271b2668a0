/**
 * Find in the reader, the part that loads with the page: the find button's and Ctrl+F's state,
 * the query (kept while the article is open, so reopening shows the last one) and where a new
 * search starts. The search itself (reader-find.tsx) loads when find is first opened.
 */
import { useCallback, useRef, useState } from 'react';
import { useFindBar, useFindShortcut } from '../../components/use-find-bar';
import type { SegmentListHandle } from './segment-list';

export function useReaderFind(enabled: boolean) {
  const listRef = useRef<SegmentListHandle>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const bar = useFindBar(inputRef);
  // Another view (review) takes the page: find closes rather than coming back by itself later.
  if (!enabled && bar.open) bar.dismiss();
  const open = bar.open && enabled;
  const [query, setQuery] = useState('');
  const [startSegment, setStartSegment] = useState(0);

  const { show: showBar } = bar;
  const show = useCallback(() => {
    // A new search starts where the reader is, not at the top of the document.
    if (!open) setStartSegment(firstVisibleSegment(listRef.current, barRef.current));
    showBar();
  }, [open, showBar]);
  useFindShortcut(enabled, inputRef, show);

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

/**
 * Where content starts below whatever is pinned over the top of the page (the sticky toolbar with
 * the find bar in it, or the find bar fixed on its own on a phone). A sticky toolbar counts even
 * before it sticks: once the page scrolls to a match, it will.
 */
export function coveredTop(bar: HTMLElement | null): number {
  let top = 0;
  for (const element of [document.querySelector<HTMLElement>('.toolbar'), bar]) {
    if (!element) continue;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    if (rect.height === 0) continue;
    if (style.position === 'fixed') top = Math.max(top, rect.bottom);
    else if (style.position === 'sticky') {
      top = Math.max(top, (Number.parseFloat(style.top) || 0) + rect.height);
    }
  }
  return top;
}

/** The first segment on screen below the pinned bars. */
function firstVisibleSegment(list: SegmentListHandle | null, bar: HTMLElement | null): number {
  const rows = list?.root()?.querySelectorAll<HTMLElement>('[data-segment]') ?? [];
  const top = coveredTop(bar);
  for (const row of rows) {
    if (row.getBoundingClientRect().bottom > top) return Number(row.dataset.segment);
  }
  return 0;
}
