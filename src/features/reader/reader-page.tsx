import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { articleQuery, recentArticlesQuery, updateArticle } from '../../lib/articles';
import { reviewIdFor } from '../../lib/review-store';
import type { ProviderId } from '../../domain/providers/registry';
import type { SegmentTranslationInput } from '../../lib/engine';
import { usePreferences } from '../../lib/preferences';
import type { ArticleRecord } from '../../lib/storage/db';
import { ArticleHeader } from './article-header';
import { ReaderToolbar } from './reader-toolbar';
import { RemovedChrome } from './removed-chrome';
import { SegmentList } from './segment-list';
import { TranslationStatus } from './translation-status';
import { useSegmentLabels } from './segment-labels';
import { useTranslateDocument } from './use-segment-translation';
import { useConfiguredEngines } from './use-configured-engines';
import { useTranslationPlan } from './use-translation-plan';
import { readReadingPosition, useSaveReadingPosition } from './use-reading-position';
import { FindContext, type FindControls } from './find-context';
import { useReaderFind } from './use-reader-find';
import { readReviewPosition } from '../review/use-review-position';

// The review workspace, its checks and file formats load only when someone opens the view.
const ReviewWorkspace = lazy(() => import('../review/review-workspace'));
// Find loads when it is first opened.
const ReaderFind = lazy(() => import('./reader-find'));

interface ReaderPageProps {
  articleId: string;
  persisted: boolean;
  onClose: () => void;
  onOpenSettings: () => void;
}

export function ReaderPage({ articleId, persisted, onClose, onOpenSettings }: ReaderPageProps) {
  const { t } = useTranslation();
  const article = useQuery(articleQuery(articleId));

  if (article.isPending) {
    return (
      <p className="loading" role="status">
        {t('reader.loading')}
      </p>
    );
  }
  if (!article.data) {
    return (
      <Notice
        tone="error"
        actions={
          <button type="button" className="button" onClick={onClose}>
            {t('reader.backToStart')}
          </button>
        }
      >
        {t('reader.notFound')}
      </Notice>
    );
  }
  return <Reader record={article.data} persisted={persisted} onOpenSettings={onOpenSettings} />;
}

function Reader({
  record,
  persisted,
  onOpenSettings,
}: {
  record: ArticleRecord;
  persisted: boolean;
  onOpenSettings: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const view = usePreferences((state) => state.view);
  const plan = useTranslationPlan(record);
  const { draft } = record;
  const sourceLanguage = plan.source ?? undefined;

  const { route, fallback } = plan;
  const inputs = useMemo(
    (): (SegmentTranslationInput | null)[] =>
      draft.blocks.map((block) =>
        route && block.kind !== 'preformatted' ? { ...route, fallback, text: block.text } : null,
      ),
    [draft.blocks, route, fallback],
  );
  const configured = useConfiguredEngines().filter((id) => id !== plan.engine.providerId);
  // Segments are memoized: hand them the same array until the list itself changes.
  const configuredKey = configured.join(' ');
  const otherEngines = useMemo(
    () => (configuredKey === '' ? [] : (configuredKey.split(' ') as ProviderId[])),
    [configuredKey],
  );
  const labels = useSegmentLabels();
  const [initialIndex] = useState(() => readReadingPosition(record.id));
  // The document is translated from where it opens: a review reopens at its own place.
  const [startAt] = useState(() => {
    const reviewed =
      view === 'review' && plan.target
        ? readReviewPosition(reviewIdFor(record.id, plan.target))
        : null;
    return reviewed ?? initialIndex;
  });
  useTranslateDocument(inputs, startAt);
  useSaveReadingPosition(record.id);
  const findBarId = useId();
  const readingView = view === 'review' ? null : view;
  const {
    listRef,
    inputRef: findInputRef,
    barRef: findBarRef,
    open: findOpen,
    show: showFind,
    close: closeFind,
    focusRequest: findFocusRequest,
    query: findQuery,
    setQuery: setFindQuery,
    startSegment: findStart,
  } = useReaderFind(readingView ? 'reading' : 'review');
  // The review renders its own search into this place in the toolbar.
  const [findSlot, setFindSlot] = useState<HTMLDivElement | null>(null);
  const reviewFind = useMemo(
    (): FindControls => ({
      open: findOpen && !readingView,
      slot: findSlot,
      id: findBarId,
      inputRef: findInputRef,
      barRef: findBarRef,
      query: findQuery,
      setQuery: setFindQuery,
      startSegment: findStart,
      focusRequest: findFocusRequest,
      onClose: closeFind,
    }),
    [
      findOpen,
      readingView,
      findSlot,
      findBarId,
      findInputRef,
      findBarRef,
      findQuery,
      setFindQuery,
      findStart,
      findFocusRequest,
      closeFind,
    ],
  );

  const changeSource = (language: string | null) => {
    void updateArticle(record.id, { sourceLanguage: language }).then((next) => {
      if (next) queryClient.setQueryData(articleQuery(record.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: recentArticlesQuery.queryKey });
    });
  };

  return (
    <article className={`reader reader--${view}`}>
      {!persisted ? <Notice tone="warning">{t('notices.storage')}</Notice> : null}
      <ReaderToolbar
        plan={plan}
        detectedLanguage={record.detectedLanguage}
        sourceOverride={record.sourceLanguage}
        onSourceChange={changeSource}
        onFind={findOpen ? closeFind : showFind}
        findOpen={findOpen}
        findBarId={findBarId}
      >
        {findOpen && readingView ? (
          <Suspense fallback={null}>
            <ReaderFind
              id={findBarId}
              blocks={draft.blocks}
              inputs={inputs}
              sourceLanguage={sourceLanguage}
              view={readingView}
              listRef={listRef}
              inputRef={findInputRef}
              barRef={findBarRef}
              query={findQuery}
              setQuery={setFindQuery}
              startSegment={findStart}
              focusRequest={findFocusRequest}
              onClose={closeFind}
            />
          </Suspense>
        ) : null}
        {readingView ? null : <div className="toolbar__slot" ref={setFindSlot} />}
      </ReaderToolbar>
      <TranslationStatus
        articleId={record.id}
        plan={plan}
        inputs={inputs}
        onOpenSettings={onOpenSettings}
      />
      <ArticleHeader
        draft={draft}
        sourceLanguage={sourceLanguage}
        translate={route ? { ...route, fallback } : null}
        view={view}
        targetLanguage={route?.to ?? plan.target}
      />
      {view === 'review' && sourceLanguage && (route?.to ?? plan.target) ? (
        <Suspense fallback={<p className="loading">{t('reader.loading')}</p>}>
          <FindContext value={reviewFind}>
            <ReviewWorkspace
              articleId={record.id}
              title={draft.title ?? ''}
              blocks={draft.blocks}
              inputs={inputs}
              sourceLanguage={sourceLanguage}
              targetLanguage={route?.to ?? plan.target ?? ''}
              otherEngines={otherEngines}
              initialIndex={initialIndex}
            />
          </FindContext>
        </Suspense>
      ) : (
        <SegmentList
          ref={listRef}
          blocks={draft.blocks}
          inputs={inputs}
          sourceLanguage={sourceLanguage}
          view={view === 'review' ? 'bilingual' : view}
          otherEngines={otherEngines}
          labels={labels}
          initialIndex={initialIndex}
        />
      )}
      {draft.removed.length > 0 ? (
        <RemovedChrome removed={draft.removed} sourceLanguage={sourceLanguage} />
      ) : null}
    </article>
  );
}
