/**
 * Find in the reader: what each view shows is what is searched (original: the source;
 * translation: the translation, or the source of a paragraph not translated yet; bilingual:
 * both), over every segment of the document, rendered or not. Translations are read from the
 * query cache and follow as they arrive while find is open. Loaded when find is first opened.
 */
import { useMemo, type RefObject } from 'react';
import { FindBar } from '../../components/find-bar';
import { rangeInText } from '../../components/find-reveal';
import type { FindText, FindTexts } from '../../components/use-find';
import { useListFind } from '../../components/use-list-find';
import type { Block } from '../../domain/article/types';
import type { FindMatch } from '../../domain/segments/find';
import type { SegmentTranslationInput } from '../../lib/engine';
import type { ViewMode } from '../../lib/preferences';
import type { FindBarControls } from './find-context';
import type { SegmentListHandle } from './segment-list';
import { useShownTranslations } from './use-segment-translation';

interface ReaderFindProps extends FindBarControls {
  blocks: readonly Block[];
  inputs: readonly (SegmentTranslationInput | null)[];
  sourceLanguage: string | undefined;
  view: Exclude<ViewMode, 'review'>;
  listRef: RefObject<SegmentListHandle | null>;
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

  const find = useListFind({
    texts,
    query,
    setQuery,
    startSegment,
    root: () => listRef.current?.root() ?? null,
    bringRow: (segment) => listRef.current?.scrollToIndex(segment),
    rangeIn,
    barRef,
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
