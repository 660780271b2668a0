import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block } from '../../domain/article/types';
import { languageDirection } from '../../domain/language/codes';
import type { SegmentTranslationInput } from '../../lib/engine';
import { providerErrorKey } from '../../lib/error-messages';
import type { ViewMode } from '../../lib/preferences';
import { useSegmentTranslation } from './use-segment-translation';

interface SegmentViewProps {
  index: number;
  block: Block;
  sourceLanguage: string | undefined;
  input: SegmentTranslationInput | null;
  view: ViewMode;
}

/**
 * One body segment: the source block and, once there, its translation. Both stay in the DOM in
 * every view (hidden where the view does not show them), so switching views is instant and each
 * text keeps its own `lang`/`dir`. Text is rendered as text, never as HTML.
 */
export const SegmentView = memo(function SegmentView({
  index,
  block,
  sourceLanguage,
  input,
  view,
}: SegmentViewProps) {
  const { t } = useTranslation();
  const { state, translation, error, retry } = useSegmentTranslation(input);
  const targetLanguage = input?.to;
  const translated = state === 'translated' && translation !== undefined;
  const showSource = view !== 'translation' || !translated;
  const showTarget = view !== 'original';

  return (
    <div
      className={`segment segment--${view} segment--${block.kind}`}
      data-segment={index}
      data-state={state}
      aria-busy={state === 'translating'}
    >
      <BlockText
        block={block}
        text={block.text}
        lang={sourceLanguage}
        className={`segment__source${view === 'translation' ? ' segment__source--muted' : ''}`}
        hidden={!showSource}
      />
      {input && showTarget ? (
        <div className="segment__target-cell">
          {translated ? (
            <BlockText
              block={block}
              text={translation}
              lang={targetLanguage}
              className="segment__target"
            />
          ) : state === 'translating' ? (
            <p className="segment__status segment__status--translating">
              <span className="spinner" aria-hidden="true" />
              {t('reader.segment.translating')}
            </p>
          ) : state === 'error' ? (
            <div className="segment__status segment__status--error">
              <span>{t('reader.segment.failed', { reason: t(providerErrorKey(error)) })}</span>
              <button type="button" className="button button--small" onClick={retry}>
                {t('reader.segment.retry')}
              </button>
            </div>
          ) : (
            <p className="segment__status segment__status--pending">
              {t('reader.segment.pending')}
            </p>
          )}
        </div>
      ) : null}
      {translated && view === 'original' ? (
        <BlockText
          block={block}
          text={translation}
          lang={targetLanguage}
          className="segment__target"
          hidden
        />
      ) : null}
    </div>
  );
});

function BlockText({
  block,
  text,
  lang,
  className,
  hidden = false,
}: {
  block: Block;
  text: string;
  lang: string | undefined;
  className: string;
  hidden?: boolean;
}) {
  const props = { lang, dir: lang ? languageDirection(lang) : undefined, className, hidden };
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
      const Heading = `h${level}` as 'h2';
      return <Heading {...props}>{text}</Heading>;
    }
    case 'quote':
      return <blockquote {...props}>{text}</blockquote>;
    case 'preformatted':
      return <pre {...props}>{text}</pre>;
    case 'list-item':
      return (
        <p {...props} className={`${className} block--list-item`}>
          {text}
        </p>
      );
    case 'paragraph':
      return <p {...props}>{text}</p>;
  }
}
