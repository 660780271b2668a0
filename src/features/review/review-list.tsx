/**
 * The review's rows. A document shorter than VIRTUALIZE_FROM renders every row, as any page would;
 * a longer one renders only the rows near the viewport (window scrolling, each row measured as it
 * renders, since textareas, comments, findings and conflicts give rows very different heights).
 * Whatever the reviewer is working in stays mounted wherever it scrolls, so typing, an open
 * comment or a dialog of that row is never torn down; a row asked for by the keyboard is rendered,
 * scrolled in and focused even when it was thousands of rows away.
 */
import { useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useImperativeHandle,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { scrollPageWith, useListOffset } from '../../lib/use-list-offset';
import { keepsViewStill, nearestPosition, positionOf, withKeptRows } from './review-navigation';

/** What the list lets the workspace do: reach a row that may not be rendered yet (find uses it). */
export interface ReviewListHandle {
  /** Brings a row near the middle of the viewport, rendering it first if need be; no focus moves. */
  scrollToRow: (index: number) => void;
}

/** A row to focus: the keyboard moved there. `seq` tells one request from the next. */
export interface FocusRequest {
  index: number;
  seq: number;
}

interface ReviewListProps {
  /** Indexes of the rows shown, in document order. */
  shown: readonly number[];
  windowed: boolean;
  /** The row last worked in: it stays mounted while scrolled away. */
  active: number | null;
  request: FocusRequest | null;
  /** The request was carried out, or cannot be (its row is not shown). */
  onRequestDone: () => void;
  /** The row to bring back into view once the rows are there (a reopened review). */
  restoreTo: number | null;
  ready: boolean;
  renderRow: (index: number) => ReactNode;
  listRef: RefObject<HTMLDivElement | null>;
  handle?: Ref<ReviewListHandle>;
}

export function ReviewList(props: ReviewListProps) {
  return props.windowed ? <WindowedRows {...props} /> : <AllRows {...props} />;
}

const targetOf = (list: HTMLElement | null, index: number) =>
  list?.querySelector<HTMLElement>(`[data-review-target="${index}"]`) ?? null;

/** Focuses the requested row's target once it is rendered; `far` handles one out of reach. */
function useFocusRequest(
  { listRef, shown, request, onRequestDone }: ReviewListProps,
  far: ((target: HTMLElement, position: number) => boolean) | null,
) {
  const handled = useRef<number | null>(null);
  // After every render: the row may need a render or two before it exists.
  useLayoutEffect(() => {
    if (!request || handled.current === request.seq) return;
    const position = positionOf(shown, request.index);
    if (position === -1) {
      // Not shown under the current filter: nothing to move to.
      handled.current = request.seq;
      onRequestDone();
      return;
    }
    const target = targetOf(listRef.current, request.index);
    if (!target) return;
    handled.current = request.seq;
    if (!far?.(target, position)) {
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
    }
    onRequestDone();
  });
}

function AllRows(props: ReviewListProps) {
  const { shown, restoreTo, ready, renderRow, listRef, handle } = props;
  useFocusRequest(props, null);
  useImperativeHandle(
    handle,
    () => ({
      scrollToRow: (index: number) =>
        listRef.current
          ?.querySelector(`[data-segment="${index}"]`)
          ?.scrollIntoView({ block: 'center' }),
    }),
    [listRef],
  );
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !ready) return;
    restored.current = true;
    if (restoreTo === null || restoreTo <= 0) return;
    const index = shown[nearestPosition(shown, restoreTo)];
    if (index === undefined) return;
    listRef.current
      ?.querySelector(`[data-segment="${index}"]`)
      ?.scrollIntoView({ block: 'center' });
  }, [ready, restoreTo, shown, listRef]);
  return (
    <div className="review__rows" ref={listRef}>
      {shown.map(renderRow)}
    </div>
  );
}

/** A first guess of a row's height before it is measured: one column on a phone, two otherwise. */
const estimateRowSize = () =>
  typeof window !== 'undefined' && window.matchMedia('(max-width: 720px)').matches ? 540 : 260;

/** Within a couple of screens, the rows between are rendered and measured: a plain focus lands. */
function isNear(element: HTMLElement): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom > -window.innerHeight && rect.top < 2 * window.innerHeight;
}

function WindowedRows(props: ReviewListProps) {
  const { shown, active, request, restoreTo, ready, renderRow, listRef, handle } = props;
  // Where the list starts on the page; content above it (notices, the summary) may change.
  const scrollBy = useRef<(by: number) => void>(() => undefined);
  const offset = useListOffset(listRef, (by) => scrollBy.current(by));

  const keep = [active, request?.index]
    .map((index) => (index == null ? -1 : positionOf(shown, index)))
    .join(' ');
  const rangeExtractor = useCallback(
    (range: Range) => withKeptRows(range, keep.split(' ').map(Number)),
    [keep],
  );
  const getItemKey = useCallback((position: number) => shown[position] ?? -1 - position, [shown]);
  // Asked once per render, not once per row: the virtualizer estimates every unmeasured row.
  const estimate = estimateRowSize();
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: () => estimate,
    overscan: 6,
    scrollMargin: offset,
    getItemKey,
    rangeExtractor,
  });

  useLayoutEffect(() => {
    scrollBy.current = (by) => scrollPageWith(virtualizer, by);
  }, [virtualizer]);

  useLayoutEffect(() => {
    // The virtualizer takes this rule as a property of its instance, not as an option.
    // eslint-disable-next-line react-hooks/immutability
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) =>
      keepsViewStill(item, instance.itemSizeCache.has(item.key), instance.scrollOffset ?? 0);
  }, [virtualizer]);

  useFocusRequest(props, (target, position) => {
    if (isNear(target)) return false;
    // Far away the row sits where estimates put it: let the virtualizer bring it in, measuring
    // the rows it passes, and focus without the browser's own jump.
    target.focus({ preventScroll: true });
    virtualizer.scrollToIndex(position, { align: 'center' });
    return true;
  });

  useImperativeHandle(
    handle,
    () => ({
      scrollToRow: (index: number) => {
        const position = positionOf(shown, index);
        if (position !== -1) virtualizer.scrollToIndex(position, { align: 'center' });
      },
    }),
    [shown, virtualizer],
  );

  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !ready || offset === 0) return;
    restored.current = true;
    if (restoreTo === null || restoreTo <= 0) return;
    const position = nearestPosition(shown, restoreTo);
    if (position > 0) virtualizer.scrollToIndex(position, { align: 'center' });
  }, [ready, offset, restoreTo, shown, virtualizer]);

  return (
    <div
      ref={listRef}
      className="review__rows review__rows--windowed"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const index = shown[item.index];
        return index === undefined ? null : (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="review__slot"
            style={{ transform: `translateY(${item.start - offset}px)` }}
          >
            {renderRow(index)}
          </div>
        );
      })}
    </div>
  );
}
