import { memo, useId, useRef, useState } from 'react';
import type { Block } from '../../domain/article/types';
import { languageDirection } from '../../domain/language/codes';
import type { ProviderId } from '../../domain/providers/registry';
import type { SegmentTranslationInput } from '../../lib/engine';
import type { ViewMode } from '../../lib/preferences';
import { SecondOpinion } from '../../components/second-opinion';
import type { SegmentLabels } from './segment-labels';
import { useSegmentTranslation } from './use-segment-translation';
import { useViewportPriority } from './use-viewport-priority';

interface SegmentViewProps {
  index: number;
  block: Block;
  sourceLanguage: string | undefined;
  input: SegmentTranslationInput | null;
  view: ViewMode;
  /** Other configured engines a reader may ask for a second opinion. */
  otherEngines?: readonly ProviderId[];
  labels: SegmentLabels;
}

const NO_ENGINES: readonly ProviderId[] = [];

/** Errors that the document states once (bad key, quota): segments only say they are untranslated. */
const DOCUMENT_LEVEL = new Set(['auth', 'quota']);

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
  otherEngines = NO_ENGINES,
  labels,
}: SegmentViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const [opinion, setOpinion] = useState<ProviderId | null>(null);
  const [choosing, setChoosing] = useState(false);
  const { state, translation, error, retry, retranslate } = useSegmentTranslation(input);
  useViewportPriority(ref, input, block.text, index);
  const targetLanguage =
    translation && input?.fallback?.provider.id === translation.provider
      ? input.fallback.to
      : input?.to;
  const translated = state === 'translated' && translation !== undefined;
  const showSource = view !== 'translation' || !translated;
  const showTarget = view !== 'original';
  const fromFallback =
    translated && input?.fallback && translation.provider === input.fallback.provider.id;
  const errorKind = (error as { kind?: string } | null)?.kind ?? '';

  return (
    <div
      ref={ref}
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
      {input ? (
        <div className="segment__target-cell" hidden={!showTarget}>
          {translated ? (
            <BlockText
              block={block}
              text={translation.text}
              lang={targetLanguage}
              className="segment__target"
            />
          ) : state === 'translating' ? (
            <p className="segment__status segment__status--translating">{labels.translating}</p>
          ) : state === 'error' ? (
            <div className="segment__status segment__status--error">
              <span>
                {DOCUMENT_LEVEL.has(errorKind) ? labels.untranslated : labels.failed(error)}
              </span>
              <button type="button" className="button button--small" onClick={retry}>
                {labels.retry}
              </button>
            </div>
          ) : (
            <p className="segment__status segment__status--pending">{labels.pending}</p>
          )}
          {fromFallback ? (
            <p className="segment__origin">
              {labels.fromFallback(translation.provider as ProviderId)}
            </p>
          ) : null}
          {translated ? (
            <div className="segment__actions">
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={retranslate}
              >
                {labels.retranslate}
              </button>
              {otherEngines.length > 0 ? (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-expanded={choosing}
                  aria-controls={menuId}
                  onClick={() => setChoosing((open) => !open)}
                >
                  {labels.secondOpinion}
                </button>
              ) : null}
            </div>
          ) : null}
          {choosing ? (
            <div
              className="segment__engines"
              id={menuId}
              role="group"
              aria-label={labels.secondOpinion}
            >
              {otherEngines.map((id) => (
                <button
                  key={id}
                  type="button"
                  className="button button--small"
                  aria-pressed={opinion === id}
                  onClick={() => {
                    setOpinion(id);
                    setChoosing(false);
                  }}
                >
                  {labels.engine(id)}
                </button>
              ))}
            </div>
          ) : null}
          {opinion && sourceLanguage ? (
            <SecondOpinion
              providerId={opinion}
              text={block.text}
              source={sourceLanguage}
              target={input.to}
            />
          ) : null}
        </div>
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
