import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { useLanguageNames } from '../../components/use-language-names';
import { getArticle, recentArticlesQuery, updateArticle } from '../../lib/articles';
import { getTranslationQueue, type SegmentTranslationInput } from '../../lib/engine';
import { providerErrorKey } from '../../lib/error-messages';
import { useOnline } from '../../lib/online';
import { useDocumentProgress, useEngineHalt } from './use-segment-translation';
import type { TranslationPlan } from './use-translation-plan';

interface TranslationStatusProps {
  /** The article whose progress is remembered for the library. */
  articleId: string;
  plan: TranslationPlan;
  /** Every segment's translation input: this component observes them all for the counts. */
  inputs: readonly (SegmentTranslationInput | null)[];
  onOpenSettings: () => void;
}

/**
 * The document's progress, the translating notice, and — once, for the whole document — why
 * nothing translates when it cannot (engine down, bad key, quota, model to download, no pair).
 */
export function TranslationStatus({
  articleId,
  plan,
  inputs,
  onOpenSettings,
}: TranslationStatusProps) {
  const { t } = useTranslation(['common', 'providers']);
  // The counts live here, so an answer re-renders this line, not the whole reader.
  const progress = useDocumentProgress(inputs);
  const names = useLanguageNames();
  const queryClient = useQueryClient();
  const halt = useEngineHalt(plan.route);
  const online = useOnline();
  useRememberProgress(articleId, plan, progress);
  const engine = t(`providers:${plan.engine.providerId}.name`);
  const settingsButton = (
    <button type="button" className="button button--small" onClick={onOpenSettings}>
      {t('reader.engine.openSettings')}
    </button>
  );

  const retryFailed = () => {
    void queryClient.refetchQueries({
      type: 'active',
      predicate: (query) => query.queryKey[0] === 'translation' && query.state.status === 'error',
    });
  };

  if (plan.blocker) {
    switch (plan.blocker) {
      case 'loading':
        return <p className="muted status-line">{t('reader.engine.loading')}</p>;
      case 'not-configured':
        return (
          <Notice tone="warning" actions={settingsButton}>
            {t('reader.engine.notConfigured', { engine })}
          </Notice>
        );
      case 'unreachable':
        return (
          <Notice
            tone="error"
            actions={
              <>
                <button type="button" className="button button--small" onClick={plan.retryEngine}>
                  {t('reader.engine.retry')}
                </button>
                {settingsButton}
              </>
            }
          >
            {t('reader.engine.unreachable', {
              engine,
              endpoint: plan.engine.settings.endpoint ?? '',
            })}
          </Notice>
        );
      case 'needs-download':
        return <ModelDownload plan={plan} />;
      case 'unknown-source':
        return <Notice tone="warning">{t('reader.engine.unknownSource')}</Notice>;
      case 'unsupported-source':
        return (
          <Notice tone="warning">
            {t('reader.engine.unsupportedSource', { engine, source: names(plan.source ?? '') })}
          </Notice>
        );
      case 'no-target':
        return <Notice tone="info">{t('reader.engine.chooseTarget')}</Notice>;
      case 'same-language':
        return (
          <Notice tone="info">
            {t('reader.engine.sameLanguage', { language: names(plan.source ?? '') })}
          </Notice>
        );
      case 'unsupported-pair':
        return (
          <Notice tone="warning">
            {t('reader.engine.unsupportedPair', {
              engine,
              source: names(plan.source ?? ''),
              target: names(plan.target ?? ''),
            })}
          </Notice>
        );
    }
  }

  const { total, translated, failed, inFlight } = progress;
  return (
    <>
      {halt ? (
        <Notice
          tone="error"
          actions={
            <>
              {settingsButton}
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  if (plan.route)
                    getTranslationQueue(
                      plan.route.provider,
                      plan.route.from,
                      plan.route.to,
                    ).resume();
                  retryFailed();
                }}
              >
                {t('reader.status.resume')}
              </button>
            </>
          }
        >
          {t('reader.status.halted', { engine, reason: t(providerErrorKey(halt)) })}
        </Notice>
      ) : null}
      <div
        className="status-line"
        role="status"
        aria-live="polite"
        data-translated={translated}
        data-failed={failed}
        data-total={total}
      >
        <progress
          className="status-line__bar"
          max={Math.max(total, 1)}
          value={translated}
          aria-hidden="true"
        />
        <span className="status-line__count">
          {t('reader.status.progress', { done: translated, total })}
        </span>
        {inFlight > 0 ? (
          <span className="status-line__translating">
            {online ? t('reader.status.translating') : t('reader.segment.waitingOnline')}
          </span>
        ) : null}
        {inFlight === 0 && failed === 0 && translated === total && total > 0 ? (
          <span className="status-line__done">{t('reader.status.done')}</span>
        ) : null}
        {failed > 0 && inFlight === 0 && !halt ? (
          <span className="status-line__failed">
            {t('reader.status.failed', { count: failed })}
            <button type="button" className="button button--small" onClick={retryFailed}>
              {t('reader.status.retryFailed')}
            </button>
          </span>
        ) : null}
      </div>
    </>
  );
}

/** On-device engines: the model download, started by the reader's click (browsers require one). */
function ModelDownload({ plan }: { plan: TranslationPlan }) {
  const { t } = useTranslation();
  const names = useLanguageNames();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    const route = plan.candidate;
    if (!route?.provider.prepare) return;
    setError(null);
    setProgress(0);
    try {
      await route.provider.prepare({ from: route.from, to: route.to }, { onProgress: setProgress });
      plan.refreshAvailability();
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Notice
      tone="info"
      actions={
        <button
          type="button"
          className="button button--small"
          onClick={() => void download()}
          disabled={progress !== null}
        >
          {t('reader.engine.download')}
        </button>
      }
    >
      <span>
        {t('reader.engine.needsDownload', {
          source: names(plan.source ?? ''),
          target: names(plan.target ?? ''),
        })}
      </span>
      {progress !== null ? (
        <span className="download-progress">
          <progress max={1} value={progress} aria-label={t('reader.engine.downloading')} />
          {t('reader.engine.downloading')}
        </span>
      ) : null}
      {error ? (
        <span className="download-error">
          {t('reader.engine.downloadFailed', { reason: t(providerErrorKey(error)) })}
        </span>
      ) : null}
    </Notice>
  );
}

/** How long the counts must hold still before they are stored for the library. */
const REMEMBER_AFTER_MS = 1000;

/** Stores this language's progress on the article record once the counts settle. */
function useRememberProgress(
  articleId: string,
  plan: TranslationPlan,
  progress: { translated: number; total: number },
) {
  const queryClient = useQueryClient();
  const target = plan.route?.to ?? null;
  const provider = plan.route?.provider.id ?? null;
  const { translated, total } = progress;
  useEffect(() => {
    if (!target || !provider || total === 0) return;
    const timer = setTimeout(() => {
      void getArticle(articleId).then(async (record) => {
        const known = record?.translations?.[target];
        if (!record || (known?.translated === translated && known.total === total)) return;
        await updateArticle(articleId, {
          translations: {
            ...record.translations,
            [target]: { translated, total, provider, updatedAt: Date.now() },
          },
        });
        void queryClient.invalidateQueries({ queryKey: recentArticlesQuery.queryKey });
      });
    }, REMEMBER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [articleId, target, provider, translated, total, queryClient]);
}
