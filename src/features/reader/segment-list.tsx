/**
 * The article body. An article renders whole, so the browser's find-in-page, printing and every
 * segment's hooks work as on any page; a long document (a book chapter, a report) renders only
 * the rows near the viewport (@tanstack/react-virtual, measured heights), so opening and
 * translating thousands of paragraphs stays cheap. Translation never depends on rendering: the
 * document's queries run whether or not their row exists.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type ComponentProps,
  type Ref,
} from 'react';
import type { Block } from '../../domain/article/types';
import type { ProviderId } from '../../domain/providers/registry';
import type { SegmentTranslationInput } from '../../lib/engine';
import type { ViewMode } from '../../lib/preferences';
import { scrollPageWith, useListOffset } from '../../lib/use-list-offset';
import { VIRTUALIZE_FROM } from '../../lib/virtualize';
import type { SegmentLabels } from './segment-labels';
import { SegmentView } from './segment-view';
import { useProgressiveCount } from './use-progressive-count';

interface SegmentListProps {
  blocks: readonly Block[];
  inputs: readonly (SegmentTranslationInput | null)[];
  sourceLanguage: string | undefined;
  view: ViewMode;
  otherEngines: readonly ProviderId[];
  labels: SegmentLabels;
  /** The paragraph to bring to the top on first render (where the reader left off). */
  initialIndex?: number;
}

/** What the list lets its page do: reach a row that may not be rendered yet (find uses it). */
export interface SegmentListHandle {
  /** Brings a segment's row into the middle of the viewport, rendering it first if need be. */
  scrollToIndex: (index: number) => void;
  /** The element that holds the rendered rows. */
  root: () => HTMLElement | null;
}

/** How many frames a row that renders progressively is waited for. */
const ROW_WAIT_FRAMES = 240;

export function SegmentList({
  ref,
  ...props
}: SegmentListProps & { ref?: Ref<SegmentListHandle> }) {
  return props.blocks.length >= VIRTUALIZE_FROM ? (
    <WindowedSegments {...props} handle={ref} />
  ) : (
    <AllSegments {...props} handle={ref} />
  );
}

type ListProps = SegmentListProps & { handle: Ref<SegmentListHandle> | undefined };

function segmentProps(
  props: SegmentListProps,
  index: number,
): ComponentProps<typeof SegmentView> | null {
  const block = props.blocks[index];
  if (!block) return null;
  return {
    index,
    block,
    sourceLanguage: props.sourceLanguage,
    input: props.inputs[index] ?? null,
    view: props.view,
    otherEngines: props.otherEngines,
    labels: props.labels,
  };
}

function AllSegments(props: ListProps) {
  const rendered = useProgressiveCount(props.blocks.length);
  const { initialIndex = 0 } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const scrollFrame = useRef(0);
  useImperativeHandle(
    props.handle,
    () => ({
      scrollToIndex: (index: number) => {
        cancelAnimationFrame(scrollFrame.current);
        let frames = 0;
        const reveal = () => {
          const row = listRef.current?.querySelector(`[data-segment="${index}"]`);
          if (row) row.scrollIntoView({ block: 'center' });
          else if (++frames < ROW_WAIT_FRAMES) scrollFrame.current = requestAnimationFrame(reveal);
        };
        reveal();
      },
      root: () => listRef.current,
    }),
    [],
  );
  useEffect(() => () => cancelAnimationFrame(scrollFrame.current), []);
  useEffect(() => {
    if (initialIndex <= 0) return;
    // Rows render a slice per frame: wait for the one to restore.
    let frames = 0;
    let frame = requestAnimationFrame(function find() {
      const row = document.querySelector(`.segments [data-segment="${initialIndex}"]`);
      if (row) row.scrollIntoView({ block: 'start' });
      else if (++frames < ROW_WAIT_FRAMES) frame = requestAnimationFrame(find);
    });
    return () => cancelAnimationFrame(frame);
  }, [initialIndex]);
  return (
    <div ref={listRef} className={`segments segments--${props.view} segments--whole`}>
      {props.blocks.slice(0, rendered).map((_, index) => {
        const own = segmentProps(props, index);
        return own ? <SegmentView key={index} {...own} /> : null;
      })}
    </div>
  );
}

function WindowedSegments(props: ListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const scrollBy = useRef<(by: number) => void>(() => undefined);
  const offset = useListOffset(listRef, (by) => scrollBy.current(by), props.view);

  const virtualizer = useWindowVirtualizer({
    count: props.blocks.length,
    // A first guess per view; every rendered row is then measured.
    estimateSize: () => (props.view === 'bilingual' ? 180 : 130),
    overscan: 8,
    scrollMargin: offset,
  });
  useLayoutEffect(() => {
    scrollBy.current = (by) => scrollPageWith(virtualizer, by);
  }, [virtualizer]);
  const { initialIndex = 0 } = props;
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || initialIndex <= 0 || offset === 0) return;
    restored.current = true;
    virtualizer.scrollToIndex(initialIndex, { align: 'start' });
  }, [virtualizer, initialIndex, offset]);
  useImperativeHandle(
    props.handle,
    () => ({
      scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'center' }),
      root: () => listRef.current,
    }),
    [virtualizer],
  );

  return (
    <div
      ref={listRef}
      className={`segments segments--${props.view} segments--windowed`}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const own = segmentProps(props, item.index);
        return own ? (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="segments__row"
            style={{ transform: `translateY(${item.start - offset}px)` }}
          >
            <SegmentView {...own} />
          </div>
        ) : null;
      })}
    </div>
  );
}
