/**
 * Decides what can be translated and how: which engine, which of its pairs matches the article's
 * source language and the reader's target, and, when nothing can be translated, why (so the reader
 * says so instead of spinning).
 */
import { useQuery } from '@tanstack/react-query';
import { BUILT_IN_CONFIG } from '../../domain/config/runtime-config';
import { primarySubtag, sameLanguage } from '../../domain/language/codes';
import type { LanguagePair, TranslationProvider } from '../../domain/providers/types';
import {
  languagePairsQuery,
  providerQuery,
  resolveEngine,
  type EngineChoice,
} from '../../lib/engine';
import { usePreferences } from '../../lib/preferences';
import { runtimeConfigQuery } from '../../lib/runtime-config';
import type { ArticleRecord } from '../../lib/storage/db';

export type PlanBlocker =
  | 'loading'
  | 'unreachable'
  | 'unknown-source'
  | 'unsupported-source'
  | 'no-target'
  | 'same-language'
  | 'unsupported-pair';

export interface TranslationPlan {
  engine: EngineChoice;
  provider: TranslationProvider | undefined;
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
  /** The engine's own pair to request; null when blocked. */
  pair: LanguagePair | null;
  blocker: PlanBlocker | null;
}

export function useTranslationPlan(record: ArticleRecord): TranslationPlan {
  const providerId = usePreferences((state) => state.providerId);
  const providerSettings = usePreferences((state) => state.providerSettings);
  const preferredTarget = usePreferences((state) => state.targetLanguage);
  const config = useQuery(runtimeConfigQuery);
  const effectiveConfig = config.data?.config ?? BUILT_IN_CONFIG;
  const engine = resolveEngine({ providerId, providerSettings }, effectiveConfig);
  const providerResult = useQuery({ ...providerQuery(engine), enabled: config.isFetched });
  const provider = providerResult.data;
  const pairsResult = useQuery(languagePairsQuery(provider));
  const pairs = pairsResult.data;

  const source = record.sourceLanguage ?? record.detectedLanguage;
  const target = preferredTarget ?? effectiveConfig.defaultTargetLanguage;

  const base = {
    engine,
    provider,
    pairsError: pairsResult.error ?? providerResult.error,
    retryEngine: () => {
      void pairsResult.refetch();
    },
    source,
    target,
  };
  const sources = unique((pairs ?? []).map((pair) => pair.from));
  const fromSource = source ? (pairs ?? []).filter((pair) => sameLanguage(pair.from, source)) : [];
  const targets = unique(fromSource.map((pair) => pair.to));
  const blocked = (blocker: PlanBlocker) => ({ ...base, sources, targets, pair: null, blocker });

  if (base.pairsError) return blocked('unreachable');
  if (!pairs) return blocked('loading');
  if (!source) return blocked('unknown-source');
  if (fromSource.length === 0) return blocked('unsupported-source');
  if (!target) return blocked('no-target');
  if (sameLanguage(source, target) && !targets.some((tag) => tag === target))
    return blocked('same-language');
  const pair = bestPair(fromSource, source, target);
  if (!pair) return blocked('unsupported-pair');
  return { ...base, sources, targets, pair, blocker: null };
}

/** The engine pair for the wanted languages: exact tags first, then the plain language. */
function bestPair(
  pairs: readonly LanguagePair[],
  source: string,
  target: string,
): LanguagePair | null {
  const score = (pair: LanguagePair) =>
    (pair.to === target
      ? 4
      : pair.to === primarySubtag(target)
        ? 2
        : sameLanguage(pair.to, target)
          ? 1
          : 0) *
      10 +
    (pair.from === source ? 2 : pair.from === primarySubtag(source) ? 1 : 0);
  let best: LanguagePair | null = null;
  let bestScore = 0;
  for (const pair of pairs) {
    if (!sameLanguage(pair.to, target)) continue;
    const s = score(pair);
    if (s > bestScore) {
      best = pair;
      bestScore = s;
    }
  }
  return best;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
