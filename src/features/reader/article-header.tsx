import { Trans, useTranslation } from 'react-i18next';
import type { ArticleDraft, PublicationStamp } from '../../domain/article/types';
import { languageDirection } from '../../domain/language/codes';
import type { SegmentTranslationInput } from '../../lib/engine';
import { formatSourceDatetime } from '../../lib/format';
import type { ViewMode } from '../../lib/preferences';
import { ShareButton } from './share-button';
import { useSegmentTranslation } from './use-segment-translation';

interface ArticleHeaderProps {
  draft: ArticleDraft;
  sourceLanguage: string | undefined;
  /** The engine pair and provider to translate header lines with; null when not translating. */
  translate: Omit<SegmentTranslationInput, 'text'> | null;
  view: ViewMode;
  targetLanguage: string | null;
}

export function ArticleHeader({
  draft,
  sourceLanguage,
  translate,
  view,
  targetLanguage,
}: ArticleHeaderProps) {
  const { t } = useTranslation();
  const dir = sourceLanguage ? languageDirection(sourceLanguage) : undefined;
  const title = useSegmentTranslation(
    translate && draft.title ? { ...translate, text: draft.title } : null,
  );
  const deck = useSegmentTranslation(
    translate && draft.deck ? { ...translate, text: draft.deck } : null,
  );
  const showTitleTranslation =
    view !== 'original' && title.state === 'translated' && title.translation;
  const showDeckTranslation =
    view !== 'original' && deck.state === 'translated' && deck.translation;
  const targetDir = translate ? languageDirection(translate.to) : undefined;

  return (
    <header className="article-header">
      {draft.title ? (
        <h1
          lang={sourceLanguage}
          dir={dir}
          className={
            view === 'translation' && showTitleTranslation
              ? 'article-header__title--secondary'
              : undefined
          }
        >
          {draft.title}
        </h1>
      ) : null}
      {showTitleTranslation ? (
        <p className="article-header__title-translation" lang={translate?.to} dir={targetDir}>
          {title.translation?.text}
        </p>
      ) : null}
      {draft.deck && !(view === 'translation' && showDeckTranslation) ? (
        <p className="article-header__deck" lang={sourceLanguage} dir={dir}>
          {draft.deck}
        </p>
      ) : null}
      {showDeckTranslation ? (
        <p
          className="article-header__deck article-header__deck--translation"
          lang={translate?.to}
          dir={targetDir}
        >
          {deck.translation?.text}
        </p>
      ) : null}
      <div className="article-header__meta">
        {draft.byline ? (
          <span className="byline" lang={sourceLanguage} dir={dir}>
            {draft.byline}
          </span>
        ) : null}
        {draft.published ? <Stamp stamp={draft.published} /> : null}
        {draft.modified ? <Stamp stamp={draft.modified} /> : null}
        {draft.sourceUrl ? (
          <a
            className="article-header__source"
            href={draft.sourceUrl}
            rel="noopener noreferrer"
            target="_blank"
          >
            {t('reader.meta.source')}
          </a>
        ) : null}
        <ShareButton draft={draft} targetLanguage={targetLanguage} translate={translate} />
      </div>
    </header>
  );
}

const STAMP_LABELS = {
  approved: 'reader.meta.published',
  published: 'reader.meta.published',
  input: 'reader.meta.input',
  modified: 'reader.meta.modified',
  updated: 'reader.meta.modified',
} as const;

/** A stamp labelled as its source labelled it: 승인 (published), 입력 (filed) or 수정 (updated). */
function Stamp({ stamp }: { stamp: PublicationStamp }) {
  const { i18n } = useTranslation();
  const labelKey = STAMP_LABELS[stamp.kind];
  return (
    <span className="article-header__stamp">
      <Trans
        i18nKey={labelKey}
        values={{ date: formatSourceDatetime(stamp.datetime, i18n.language) }}
        components={{ time: <time dateTime={stamp.datetime} title={stamp.raw} /> }}
      />
    </span>
  );
}
