/**
 * Where a window-scrolled virtual list starts on the page, kept current as the content above it
 * changes height (a progress line finishing, a notice appearing, a summary wrapping anew).
 *
 * A change above the list while the reader is inside it moves the page by the same amount, so
 * the rows on screen stay exactly where they were. The browser's own scroll anchoring is turned
 * off for the page while such a list is mounted: its choice of anchor among positioned rows is
 * not reliable, and two corrections of one change would move the page twice. (Set on the root
 * element from here rather than with `html:has(...)` in the stylesheet, which would make every
 * change anywhere in a long document re-check the root's style.)
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** How far to scroll so that the rows on screen stay still when the list moved by `next - last`. */
export function keepRowsStill(last: number | null, next: number, scrollY: number): number {
  if (last === null || next === last) return 0;
  // The reader is above the list (reading what changed): nothing to keep still.
  return scrollY > last ? next - last : 0;
}

/**
 * Moves the page by `by` and tells the list's virtualizer at once. Its idea of the scroll position
 * would otherwise stay stale until the scroll event, and a row it measures in the meantime would
 * write the old position back.
 */
export function scrollPageWith(virtualizer: { scrollOffset: number | null }, by: number): void {
  window.scrollBy(0, by);
  if (virtualizer.scrollOffset !== null) virtualizer.scrollOffset = window.scrollY;
}

/** `scrollBy` moves the page when the list moved (scrollPageWith, with the list's virtualizer). */
export function useListOffset(
  list: RefObject<HTMLElement | null>,
  scrollBy: (by: number) => void,
  remeasure?: unknown,
): number {
  const [offset, setOffset] = useState(0);
  const scroll = useRef(scrollBy);
  useLayoutEffect(() => {
    scroll.current = scrollBy;
  });
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const root = document.documentElement;
    const anchoring = root.style.overflowAnchor;
    root.style.overflowAnchor = 'none';
    let last: number | null = null;
    const update = () => {
      const next = Math.round(element.getBoundingClientRect().top + window.scrollY);
      const by = keepRowsStill(last, next, window.scrollY);
      if (by !== 0) scroll.current(by);
      last = next;
      setOffset(next);
    };
    update();
    // Anything above the list that changes height changes the document's height too.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(root);
    return () => {
      observer?.disconnect();
      root.style.overflowAnchor = anchoring;
    };
  }, [list, remeasure]);
  return offset;
}
