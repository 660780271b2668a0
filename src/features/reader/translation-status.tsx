import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { useLanguageNames } from '../../components/use-language-names';
import type { DocumentProgress } from './use-segment-translation';
import type { TranslationPlan } from './use-translation-plan';

/** The document's progress, the translating notice, and why nothing translates when it cannot. */
export function TranslationStatus({
  plan,
  progress,
}: {
  plan: TranslationPlan;
  progress: DocumentProgress;
}) {
  const { t } = useTranslation(['common', 'providers']);
  const names = useLanguageNames();
  const queryClient = useQueryClient();
  const engine = t(`providers:${plan.engine.providerId}.name`);

  if (plan.blocker) {
    switch (plan.blocker) {
      case 'loading':
        return <p className="muted status-line">{t('reader.engine.loading')}</p>;
      case 'unreachable':
        return (
          <Notice
            tone="error"
            actions={
              <button type="button" className="button button--small" onClick={plan.retryEngine}>
                {t('reader.engine.retry')}
              </button>
            }
          >
            {t('reader.engine.unreachable', {
              engine,
              endpoint: plan.engine.settings.endpoint ?? '',
            })}
          </Notice>
        );
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
  const retryFailed = () => {
    void queryClient.refetchQueries({
      type: 'active',
      predicate: (query) => query.queryKey[0] === 'translation' && query.state.status === 'error',
    });
  };

  return (
    <div className="status-line" role="status" aria-live="polite">
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
          <span className="spinner" aria-hidden="true" />
          {t('reader.status.translating')}
        </span>
      ) : null}
      {inFlight === 0 && failed === 0 && translated === total && total > 0 ? (
        <span className="status-line__done">{t('reader.status.done')}</span>
      ) : null}
      {failed > 0 && inFlight === 0 ? (
        <span className="status-line__failed">
          {t('reader.status.failed', { count: failed })}
          <button type="button" className="button button--small" onClick={retryFailed}>
            {t('reader.status.retryFailed')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
