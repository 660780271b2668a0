/**
 * Bringing a find match into view in a list whose rows may not be rendered yet: ask the list for
 * the row, wait until it is there and holds still (rows around it are measured as they arrive),
 * then scroll the match into the part of the screen that nothing pinned covers.
 */

/** Room kept between a match brought into view and the edges of what is visible. */
const EDGE_PX = 24;
/** How many frames a row is waited for and watched until it stops moving. */
const SETTLE_FRAMES = 90;

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

/** The first row (`[data-segment]`) in `root` that shows below the pinned bars. */
export function firstVisibleSegment(root: ParentNode | null, bar: HTMLElement | null): number {
  const rows = root?.querySelectorAll<HTMLElement>('[data-segment]') ?? [];
  const top = coveredTop(bar);
  for (const row of rows) {
    if (row.getBoundingClientRect().bottom > top) return Number(row.dataset.segment);
  }
  return 0;
}

/**
 * The range covering `[start, end)` of an element's text, which may be split over several text
 * nodes (sentence spans, marked terms); null when the element's text is not `text` (it shows
 * something else by now) or the offsets fall outside it. `prefix` accepts an element whose text
 * goes on after `text` (an editor's mirror ends in an extra line break).
 */
export function rangeInText(
  element: Element | null,
  text: string,
  start: number,
  end: number,
  { prefix = false } = {},
): Range | null {
  const shown = element?.textContent;
  if (!element || shown == null || end > text.length) return null;
  if (prefix ? !shown.startsWith(text) : shown !== text) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).length;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

/** Scrolls a rectangle into the part of the screen nothing covers, unless it is already there. */
export function revealRect(rect: DOMRect, bar: HTMLElement | null): void {
  const viewport = window.visualViewport;
  const bottom = viewport ? viewport.offsetTop + viewport.height : window.innerHeight;
  const top = coveredTop(bar);
  if (rect.top >= top + EDGE_PX && rect.bottom <= bottom - EDGE_PX) return;
  const room = bottom - top;
  // A third of the way down the free space: the match and what follows it are in view.
  const target = rect.height > room - 2 * EDGE_PX ? top + EDGE_PX : top + (room - rect.height) / 3;
  window.scrollBy({ top: rect.top - target, behavior: 'instant' });
}

interface RevealOptions {
  /** The match's row, once it is rendered. */
  row: () => HTMLElement | null;
  /** Asks the list to render the row and scroll near it. */
  bringRow: () => void;
  /** The match within its rendered row (null when the row does not show it as searched). */
  rangeIn: (row: HTMLElement) => Range | null;
  bar: HTMLElement | null;
  /** Holds the pending animation frame, so a newer request cancels this one. */
  frame: { current: number };
}

/** Brings a match into view once its row is rendered and holds still. */
export function revealMatch({ row, bringRow, rangeIn, bar, frame }: RevealOptions): void {
  cancelAnimationFrame(frame.current);
  if (!row()) bringRow();
  let frames = 0;
  let lastTop = Number.NaN;
  const settle = () => {
    const element = row();
    if (element) {
      const rect = (rangeIn(element) ?? element).getBoundingClientRect();
      if (rect.top === lastTop || frames >= SETTLE_FRAMES) {
        revealRect(rect, bar);
        return;
      }
      lastTop = rect.top;
    }
    if (++frames <= SETTLE_FRAMES) frame.current = requestAnimationFrame(settle);
  };
  settle();
}
