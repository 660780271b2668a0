import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageDirection } from '../domain/language/codes';
import type { ProviderId } from '../domain/providers/registry';
import { segmentTranslationQuery } from '../lib/engine';
import { providerErrorKey } from '../lib/error-messages';
import { useEngine, useRoute } from './use-engine-route';

interface SecondOpinionProps {
  providerId: ProviderId;
  text: string;
  source: string;
  target: string;
  /** Shown after the translation once it is there (the review view's "use this translation"). */
  action?: (translation: string) => ReactNode;
  /** Told what the translation is, and null again when it goes away. */
  onLoaded?: (translation: string | null) => void;
}

/**
 * Another engine's translation of one segment, fetched on demand and cached as that engine's.
 * The reader shows it; the review view adds a way to take it.
 */
export function SecondOpinion({
  providerId,
  text,
  source,
  target,
  action,
  onLoaded,
}: SecondOpinionProps) {
  const { t } = useTranslation(['common', 'providers']);
  const engine = useEngine(providerId);
  const route = useRoute(engine, source, target);
  const query = useQuery(segmentTranslationQuery(route ? { ...route, text } : null));
  const loaded = query.data?.text ?? null;
  useEffect(() => {
    if (!onLoaded) return;
    onLoaded(loaded);
    return () => onLoaded(null);
  }, [loaded, onLoaded]);
  const name = t(`providers:${providerId}.name`);

  let body;
  if (engine?.error) body = <span>{t(providerErrorKey(engine.error))}</span>;
  else if (engine?.pairs && !route) body = <span>{t('reader.secondOpinion.unsupported')}</span>;
  else if (query.isError) body = <span>{t(providerErrorKey(query.error))}</span>;
  else if (query.data && route) {
    body = (
      <>
        <span lang={route.to} dir={languageDirection(route.to)}>
          {query.data.text}
        </span>
        {action?.(query.data.text)}
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
