/**
 * Where the reviewer was in a review: the row being worked on while it is on screen, otherwise the
 * row across the middle of the screen. Remembered per review (article and target language) in
 * this browser, so reopening a long review comes back to that row instead of the top.
 */
import { useEffect, type RefObject } from 'react';

const KEY_PREFIX = 'interlinear:review-position:';
const SAVE_AFTER_MS = 300;

/** The remembered row index, or null when this review was never scrolled or worked in. */
export function readReviewPosition(reviewId: string): number | null {
  try {
    const stored = localStorage.getItem(KEY_PREFIX + reviewId);
    if (stored === null) return null;
    const value = Number(stored);
    return Number.isInteger(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

export function saveReviewPosition(reviewId: string, index: number): void {
  if (!Number.isInteger(index) || index < 0) return;
  try {
    localStorage.setItem(KEY_PREFIX + reviewId, String(index));
  } catch {
    // Without localStorage the place is simply not kept.
  }
}

const indexOf = (element: Element | null): number | null => {
  const row = element?.closest<HTMLElement>('[data-segment]');
  const value = Number(row?.dataset.segment);
  return row && Number.isInteger(value) ? value : null;
};

/** The row the reviewer is on, from what is rendered in `list`. */
function currentRow(list: HTMLElement): number | null {
  const middle = window.innerHeight / 2;
  const active = document.activeElement;
  if (active && list.contains(active)) {
    const row = active.closest('[data-segment]');
    const rect = row?.getBoundingClientRect();
    if (rect && rect.bottom > 0 && rect.top < window.innerHeight) return indexOf(row ?? null);
  }
  // Rows are in document order: the first reaching past the middle is the one across it.
  for (const row of list.querySelectorAll('[data-segment]')) {
    if (row.getBoundingClientRect().bottom >= middle) return indexOf(row);
  }
  return null;
}

export function useSaveReviewPosition(reviewId: string, list: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      timer = null;
      const element = list.current;
      const index = element ? currentRow(element) : null;
      if (index !== null) saveReviewPosition(reviewId, index);
    };
    const later = () => {
      timer ??= setTimeout(save, SAVE_AFTER_MS);
    };
    const onFocus = (event: FocusEvent) => {
      const element = list.current;
      if (!element || !(event.target instanceof Element) || !element.contains(event.target)) return;
      const index = indexOf(event.target);
      if (index !== null) saveReviewPosition(reviewId, index);
    };
    window.addEventListener('scroll', later, { passive: true });
    document.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('scroll', later);
      document.removeEventListener('focusin', onFocus);
      if (timer !== null) clearTimeout(timer);
    };
  }, [reviewId, list]);
}
