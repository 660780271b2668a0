import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngine, useRoute } from '../../components/use-engine-route';
import { languageDirection } from '../../domain/language/codes';
import type { ProviderId } from '../../domain/providers/registry';
import { segmentTranslationQuery } from '../../lib/engine';
import { providerErrorKey } from '../../lib/error-messages';

interface ReviewSecondOpinionProps {
  providerId: ProviderId;
  text: string;
  source: string;
  target: string;
  onTake: (text: string) => void;
  /** Tells the workspace what Alt+Enter would take for this row. */
  onLoaded: (text: string | null) => void;
}

/** Another engine's translation of a row, fetched on demand; one click or Alt+Enter takes it. */
export function ReviewSecondOpinion({
  providerId,
  text,
  source,
  target,
  onTake,
  onLoaded,
}: ReviewSecondOpinionProps) {
  const { t } = useTranslation(['common', 'providers']);
  const { t: tr } = useTranslation('review');
  const engine = useEngine(providerId);
  const route = useRoute(engine, source, target);
  const query = useQuery(segmentTranslationQuery(route ? { ...route, text } : null));
  const loaded = query.data?.text ?? null;
  useEffect(() => {
    onLoaded(loaded);
    return () => onLoaded(null);
  }, [loaded, onLoaded]);
  const name = t(`providers:${providerId}.name`);

  let body;
  if (engine?.error) body = <span>{t(providerErrorKey(engine.error))}</span>;
  else if (engine?.pairs && !route) body = <span>{t('reader.secondOpinion.unsupported')}</span>;
  else if (query.isError) body = <span>{t(providerErrorKey(query.error))}</span>;
  else if (loaded !== null && route) {
    body = (
      <>
        <span lang={route.to} dir={languageDirection(route.to)}>
          {loaded}
        </span>
        <button type="button" className="button button--small" onClick={() => onTake(loaded)}>
          {tr('row.takeSecondOpinion')}
        </button>
      </>
    );
  } else body = <span className="muted">{t('reader.segment.translating')}</span>;

  return (
    <div className="second-opinion" data-second-opinion={providerId} aria-live="polite">
      <span className="second-opinion__engine">
        {t('reader.secondOpinion.label', { engine: name })}
      </span>
      {body}
    </div>
  );
}
