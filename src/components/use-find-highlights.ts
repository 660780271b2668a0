/**
 * Paints find matches with the CSS Custom Highlight API: ranges over the text as rendered, no
 * element added or rewritten, so React's DOM, the text's `lang` and selection stay as they are.
 * Only rows in the DOM are painted (a long list renders a window of them); the paint follows the
 * rows as they come and go. Where the API is missing nothing is painted, and find still counts
 * and scrolls.
 */
import { useEffect, useEffectEvent } from 'react';
import { matchesInSegment, type FindMatch } from '../domain/segments/find';

export const MATCH_HIGHLIGHT = 'find-match';
export const CURRENT_HIGHLIGHT = 'find-current';

interface UseFindHighlightsOptions {
  /** Whether find is open; closed, nothing is painted. */
  active: boolean;
  /** The element holding the rows (`[data-segment]` elements). */
  root: () => HTMLElement | null;
  matches: readonly FindMatch[];
  current: number;
  /** The range a match covers in its row, or null when the row does not show that text. */
  rangeFor: (row: HTMLElement, match: FindMatch) => Range | null;
}

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function useFindHighlights({
  active,
  root,
  matches,
  current,
  rangeFor,
}: UseFindHighlightsOptions): void {
  const rootElement = useEffectEvent(root);
  const rangeOf = useEffectEvent(rangeFor);

  useEffect(() => {
    if (!active || !supportsHighlights()) return;
    const paint = () => {
      frame = 0;
      const element = rootElement();
      const all: Range[] = [];
      const now: Range[] = [];
      if (element && matches.length > 0) {
        for (const row of element.querySelectorAll<HTMLElement>('[data-segment]')) {
          const { from, to } = matchesInSegment(matches, Number(row.dataset.segment));
          for (let index = from; index < to; index++) {
            const range = rangeOf(row, matches[index] as FindMatch);
            if (!range) continue;
            (index === current ? now : all).push(range);
          }
        }
      }
      const currentHighlight = new Highlight(...now);
      // Drawn over the other matches where they meet.
      currentHighlight.priority = 1;
      CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...all));
      CSS.highlights.set(CURRENT_HIGHLIGHT, currentHighlight);
    };
    let frame = requestAnimationFrame(paint);
    // Rows scroll in and out of a windowed list, translations replace "pending" notes: paint
    // again, once per frame at most.
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(paint);
    });
    const element = rootElement();
    if (element) {
      observer.observe(element, { childList: true, subtree: true, characterData: true });
    }
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      CSS.highlights.delete(MATCH_HIGHLIGHT);
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
    };
  }, [active, matches, current]);
}
