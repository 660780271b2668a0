import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { languageDirection } from '../../domain/language/codes';
import type { ProviderId } from '../../domain/providers/registry';
import { segmentTranslationQuery } from '../../lib/engine';
import { providerErrorKey } from '../../lib/error-messages';
import { useEngine, useRoute } from '../../components/use-engine-route';

interface SecondOpinionProps {
  providerId: ProviderId;
  text: string;
  source: string;
  target: string;
}

/** Another engine's translation of one segment, fetched on demand and cached as that engine's. */
export function SecondOpinion({ providerId, text, source, target }: SecondOpinionProps) {
  const { t } = useTranslation(['common', 'providers']);
  const engine = useEngine(providerId);
  const route = useRoute(engine, source, target);
  const query = useQuery(segmentTranslationQuery(route ? { ...route, text } : null));
  const name = t(`providers:${providerId}.name`);

  let body;
  if (engine?.error) body = <span>{t(providerErrorKey(engine.error))}</span>;
  else if (engine?.pairs && !route) body = <span>{t('reader.secondOpinion.unsupported')}</span>;
  else if (query.isError) body = <span>{t(providerErrorKey(query.error))}</span>;
  else if (query.data && route) {
    body = (
      <span lang={route.to} dir={languageDirection(route.to)}>
        {query.data.text}
      </span>
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
