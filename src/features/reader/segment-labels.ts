/**
 * The UI strings a segment shows, resolved once per document and UI language and handed to every
 * segment, so a thousand segments do not each subscribe to i18next and re-resolve the same strings
 * on every render.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderId } from '../../domain/providers/registry';
import { providerErrorKey } from '../../lib/error-messages';
import { useOnline } from '../../lib/online';

export interface SegmentLabels {
  translating: string;
  pending: string;
  untranslated: string;
  retry: string;
  retranslate: string;
  secondOpinion: string;
  failed: (error: unknown) => string;
  engine: (id: ProviderId) => string;
  fromFallback: (id: ProviderId) => string;
}

export function useSegmentLabels(): SegmentLabels {
  const { t, i18n } = useTranslation(['common', 'providers']);
  const language = i18n.language;
  const online = useOnline();
  return useMemo(
    () => ({
      translating: t('reader.segment.translating'),
      // Offline, a waiting paragraph says when it will translate (and no request is attempted).
      pending: online ? t('reader.segment.pending') : t('reader.segment.waitingOnline'),
      untranslated: t('reader.segment.untranslated'),
      retry: t('reader.segment.retry'),
      retranslate: t('reader.segment.retranslate'),
      secondOpinion: t('reader.secondOpinion.action'),
      failed: (error: unknown) =>
        t('reader.segment.failed', { reason: t(providerErrorKey(error)) }),
      engine: (id: ProviderId) => t(`providers:${id}.name`),
      fromFallback: (id: ProviderId) =>
        t('reader.segment.fromFallback', { engine: t(`providers:${id}.name`) }),
    }),
    // The strings change with the language; `t` itself is stable per language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [language, online],
  );
}
