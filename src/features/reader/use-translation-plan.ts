/**
 * Decides what can be translated and how: which engine, which of its pairs matches the article's
 * source language and the reader's target, the fallback engine's route, and, when nothing can be
 * translated, why (so the reader says so instead of spinning).
 */
import { useQuery } from '@tanstack/react-query';
import { BUILT_IN_CONFIG } from '../../domain/config/runtime-config';
import { sameLanguage } from '../../domain/language/codes';
import { targetsFrom } from '../../domain/language/pairs';
import type { PairAvailability } from '../../domain/providers/types';
import { pairAvailabilityQuery, type EngineChoice, type EngineRoute } from '../../lib/engine';
import { usePreferences } from '../../lib/preferences';
import { runtimeConfigQuery } from '../../lib/runtime-config';
import type { ArticleRecord } from '../../lib/storage/db';
import { useEngine, useRoute } from '../../components/use-engine-route';

export type PlanBlocker =
  | 'loading'
  | 'not-configured'
  | 'unreachable'
  | 'unknown-source'
  | 'unsupported-source'
  | 'no-target'
  | 'same-language'
  | 'unsupported-pair'
  | 'needs-download';

export interface TranslationPlan {
  engine: EngineChoice;
  pairsError: unknown;
  retryEngine: () => void;
  /** Languages the engine translates from, for the source picker. */
  sources: string[];
  /** The article's language: the reader's override, else detection. */
  source: string | null;
  /** What the engine offers from `source`. */
  targets: string[];
  /** The reader's choice (or the deployment default). */
  target: string | null;
  /** The main engine's route; null when blocked. */
  route: EngineRoute | null;
  /** The fallback engine's route for the same pair, when one is set and offers it. */
  fallback: EngineRoute | null;
  blocker: PlanBlocker | null;
  /** The main engine's route before the on-device model check, for the download button. */
  candidate: EngineRoute | null;
  /** For on-device engines that must download a model first. */
  availability: PairAvailability | null;
  refreshAvailability: () => void;
}

export function useTranslationPlan(record: ArticleRecord): TranslationPlan {
  const preferredTarget = usePreferences((state) => state.targetLanguage);
  const fallbackId = usePreferences((state) => state.fallbackProviderId);
  const config = useQuery(runtimeConfigQuery).data?.config ?? BUILT_IN_CONFIG;
  const main = useEngine(undefined);
  const engine = main ?? null;
  const fallbackEngine = useEngine(
    fallbackId !== null && fallbackId !== engine?.choice.providerId ? fallbackId : null,
  );

  const source = record.sourceLanguage ?? record.detectedLanguage;
  const target = preferredTarget ?? config.defaultTargetLanguage;
  const route = useRoute(engine, source, target);
  const fallbackRoute = useRoute(fallbackEngine, source, target);
  const needsAvailability = route ? 'availability' in route.provider : false;
  const availability = useQuery(pairAvailabilityQuery(route));

  const pairs = engine?.pairs;
  const sources = [...new Set((pairs ?? []).map((pair) => pair.from))];
  const targets = source ? targetsFrom(pairs ?? [], source) : [];
  const base = {
    engine: engine?.choice ?? { providerId: config.defaultProvider, settings: {} },
    pairsError: engine?.error,
    retryEngine: () => engine?.retry(),
    sources,
    source,
    targets,
    target,
    fallback: null,
    candidate: route,
    availability: availability.data ?? null,
    refreshAvailability: () => {
      void availability.refetch();
    },
  };
  const blocked = (blocker: PlanBlocker): TranslationPlan => ({ ...base, route: null, blocker });

  if (engine && !engine.configured) return blocked('not-configured');
  if (engine?.error) return blocked('unreachable');
  if (!pairs) return blocked('loading');
  if (!source) return blocked('unknown-source');
  if (!sources.some((tag) => sameLanguage(tag, source))) return blocked('unsupported-source');
  if (!target) return blocked('no-target');
  if (sameLanguage(source, target) && !targets.includes(target)) return blocked('same-language');
  if (!route) return blocked('unsupported-pair');
  if (needsAvailability && availability.data !== 'available') {
    return blocked(
      availability.data === 'unavailable'
        ? 'unsupported-pair'
        : availability.data
          ? 'needs-download'
          : 'loading',
    );
  }
  return { ...base, route, fallback: fallbackRoute, blocker: null };
}
