/**
 * Find in the reader: what each view shows is what is searched (original: the source;
 * translation: the translation, or the source of a paragraph not translated yet; bilingual:
 * both), over every segment of the document, rendered or not. Translations are read from the
 * query cache and follow as they arrive while find is open. Loaded when find is first opened.
 */
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { FindBar } from '../../components/find-bar';
import { useFind, type FindText, type FindTexts } from '../../components/use-find';
import { useFindHighlights } from '../../components/use-find-highlights';
import type { Block } from '../../domain/article/types';
import type { FindMatch } from '../../domain/segments/find';
import type { SegmentTranslationInput } from '../../lib/engine';
import type { ViewMode } from '../../lib/preferences';
import type { SegmentListHandle } from './segment-list';
import { useShownTranslations } from './use-segment-translation';
import { coveredTop } from './use-reader-find';

interface ReaderFindProps {
  id: string;
  blocks: readonly Block[];
  inputs: readonly (SegmentTranslationInput | null)[];
  sourceLanguage: string | undefined;
  view: Exclude<ViewMode, 'review'>;
  listRef: RefObject<SegmentListHandle | null>;
  inputRef: RefObject<HTMLInputElement | null>;
  barRef: RefObject<HTMLDivElement | null>;
  query: string;
  setQuery: (query: string) => void;
  startSegment: number;
  focusRequest: number;
  onClose: () => void;
}

/** Room kept between a match brought into view and the edges of what is visible. */
const EDGE_PX = 24;
/** How many frames a row is waited for and watched until it stops moving. */
const SETTLE_FRAMES = 90;

export default function ReaderFind({
  id,
  blocks,
  inputs,
  sourceLanguage,
  view,
  listRef,
  inputRef,
  barRef,
  query,
  setQuery,
  startSegment,
  focusRequest,
  onClose,
}: ReaderFindProps) {
  const translations = useShownTranslations(inputs, view !== 'original');
  const texts = useMemo(
    (): FindTexts =>
      blocks.map((block, index): FindText[] => {
        const source: FindText = { text: block.text, lang: sourceLanguage, part: 'source' };
        const translation = view === 'original' ? undefined : translations[index];
        if (!translation) return [source];
        const input = inputs[index];
        const lang =
          input?.fallback && translation.provider === input.fallback.provider.id
            ? input.fallback.to
            : input?.to;
        const target: FindText = { text: translation.text, lang, part: 'target' };
        return view === 'translation' ? [target] : [source, target];
      }),
    [blocks, inputs, sourceLanguage, view, translations],
  );

  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const goTo = useCallback(
    (match: FindMatch, text: FindText) => {
      cancelAnimationFrame(frame.current);
      const list = listRef.current;
      if (!list) return;
      const row = () =>
        list.root()?.querySelector<HTMLElement>(`[data-segment="${match.segment}"]`) ?? null;
      if (!row()) list.scrollToIndex(match.segment);
      // A row that was not rendered arrives a frame or more later and may still move while the
      // rows around it are measured: reveal the match once it holds still.
      let frames = 0;
      let lastTop = Number.NaN;
      const settle = () => {
        const element = row();
        if (element) {
          const rect = (rangeIn(element, match, text) ?? element).getBoundingClientRect();
          if (rect.top === lastTop || frames >= SETTLE_FRAMES) {
            reveal(rect, barRef.current);
            return;
          }
          lastTop = rect.top;
        }
        if (++frames <= SETTLE_FRAMES) frame.current = requestAnimationFrame(settle);
      };
      settle();
    },
    [listRef, barRef],
  );

  const find = useFind({ texts, query, setQuery, startSegment, onGoTo: goTo });
  const { textOf } = find;
  const rangeFor = useCallback(
    (row: HTMLElement, match: FindMatch) => {
      const text = textOf(match);
      return text ? rangeIn(row, match, text) : null;
    },
    [textOf],
  );
  useFindHighlights({
    active: true,
    root: () => listRef.current?.root() ?? null,
    matches: find.matches,
    current: find.current,
    rangeFor,
  });

  return (
    <FindBar
      id={id}
      ref={barRef}
      find={find}
      inputRef={inputRef}
      focusRequest={focusRequest}
      onClose={onClose}
    />
  );
}

/** The range of a match in its row, when the row shows that text as it was searched. */
function rangeIn(row: HTMLElement, match: FindMatch, text: FindText): Range | null {
  const element = row.querySelector(
    text.part === 'source' ? '.segment__source' : '.segment__target',
  );
  const node = element?.firstChild;
  if (!(node instanceof Text) || node.data !== text.text || match.end > node.length) return null;
  const range = document.createRange();
  range.setStart(node, match.start);
  range.setEnd(node, match.end);
  return range;
}

/** Scrolls a match into the part of the screen nothing covers, unless it is already there. */
function reveal(rect: DOMRect, bar: HTMLElement | null): void {
  const viewport = window.visualViewport;
  const bottom = viewport ? viewport.offsetTop + viewport.height : window.innerHeight;
  const top = coveredTop(bar);
  if (rect.top >= top + EDGE_PX && rect.bottom <= bottom - EDGE_PX) return;
  const room = bottom - top;
  // A third of the way down the free space: the match and what follows it are in view.
  const target = rect.height > room - 2 * EDGE_PX ? top + EDGE_PX : top + (room - rect.height) / 3;
  window.scrollBy({ top: rect.top - target, behavior: 'instant' });
}
