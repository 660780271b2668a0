/**
 * Where the reader was in an article: the first paragraph at the top of the screen, remembered per
 * article in this browser and restored when the article is opened again.
 */
import { useEffect } from 'react';

const KEY_PREFIX = 'interlinear:position:';
/** Below the sticky toolbar: a paragraph hidden under it is not what the reader was reading. */
const TOP_MARGIN_PX = 96;
const SAVE_AFTER_MS = 300;

export function readReadingPosition(articleId: string): number {
  try {
    const value = Number(localStorage.getItem(KEY_PREFIX + articleId));
    return Number.isInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

export function useSaveReadingPosition(articleId: string): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      timer = null;
      const segments = document.querySelectorAll<HTMLElement>('.segments [data-segment]');
      for (const segment of segments) {
        if (segment.getBoundingClientRect().bottom <= TOP_MARGIN_PX) continue;
        try {
          localStorage.setItem(KEY_PREFIX + articleId, segment.dataset.segment ?? '0');
        } catch {
          // Without localStorage the position is simply not kept.
        }
        return;
      }
    };
    const onScroll = () => {
      timer ??= setTimeout(save, SAVE_AFTER_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (timer !== null) clearTimeout(timer);
    };
  }, [articleId]);
}
