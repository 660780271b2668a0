/**
 * Find in the reader: what each view shows is what is searched (original: the source;
 * translation: the translation, or the source of a paragraph not translated yet; bilingual:
 * both), over every segment of the document, rendered or not. Translations are read from the
 * query cache and follow as they arrive while find is open. Loaded when find is first opened.
 */
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { FindBar } from '../../components/find-bar';
import { rangeInText, revealMatch } from '../../components/find-reveal';
import { useFind, type FindText, type FindTexts } from '../../components/use-find';
import { useFindHighlights } from '../../components/use-find-highlights';
import type { Block } from '../../domain/article/types';
import type { FindMatch } from '../../domain/segments/find';
import type { SegmentTranslationInput } from '../../lib/engine';
import type { ViewMode } from '../../lib/preferences';
import type { SegmentListHandle } from './segment-list';
import { useShownTranslations } from './use-segment-translation';

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
      const list = listRef.current;
      if (!list) return;
      revealMatch({
        row: () =>
          list.root()?.querySelector<HTMLElement>(`[data-segment="${match.segment}"]`) ?? null,
        bringRow: () => list.scrollToIndex(match.segment),
        rangeIn: (row) => rangeIn(row, match, text),
        bar: barRef.current,
        frame,
      });
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
  return rangeInText(element, text.text, match.start, match.end);
}
