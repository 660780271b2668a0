/**
 * Resolves an engine (by id, with the reader's and the deployment's settings) to a route for one
 * language pair: the provider instance, its pair list and the pair that matches. Used for the main
 * engine, the fallback and second opinions alike.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { BUILT_IN_CONFIG } from '../domain/config/runtime-config';
import { bestPair } from '../domain/language/pairs';
import { isConfigured, type ProviderId } from '../domain/providers/registry';
import type { LanguagePair, TranslationProvider } from '../domain/providers/types';
import {
  languagePairsQuery,
  providerQuery,
  resolveEngine,
  type EngineChoice,
  type EngineRoute,
} from '../lib/engine';
import { usePreferences } from '../lib/preferences';
import { runtimeConfigQuery } from '../lib/runtime-config';

export interface ResolvedEngine {
  choice: EngineChoice;
  configured: boolean;
  provider: TranslationProvider | undefined;
  pairs: LanguagePair[] | undefined;
  error: unknown;
  retry: () => void;
}

/** The engine `id` (or the reader's chosen one when `id` is undefined). Disabled when `id` is null. */
export function useEngine(id: ProviderId | null | undefined): ResolvedEngine | null {
  const chosen = usePreferences((state) => state.providerId);
  const providerSettings = usePreferences((state) => state.providerSettings);
  const config = useQuery(runtimeConfigQuery);
  const effectiveConfig = config.data?.config ?? BUILT_IN_CONFIG;
  const providerId = id === undefined ? (chosen ?? effectiveConfig.defaultProvider) : id;
  const choice = providerId
    ? resolveEngine({ providerId, providerSettings }, effectiveConfig)
    : null;
  const configured = choice ? isConfigured(choice.providerId, choice.settings) : false;
  const providerResult = useQuery({
    ...providerQuery(choice ?? { providerId: 'apertium', settings: {} }),
    enabled: config.isFetched && configured,
  });
  const provider = configured ? providerResult.data : undefined;
  const pairsResult = useQuery(languagePairsQuery(provider));
  if (!choice) return null;
  return {
    choice,
    configured,
    provider,
    pairs: pairsResult.data,
    error: pairsResult.error ?? providerResult.error,
    retry: () => {
      void pairsResult.refetch();
    },
  };
}

/** The route through `engine` for `source` → `target`, when it offers that pair; stable across renders. */
export function useRoute(
  engine: ResolvedEngine | null,
  source: string | null,
  target: string | null,
): EngineRoute | null {
  const provider = engine?.provider;
  const pair =
    provider && engine.pairs && source && target ? bestPair(engine.pairs, source, target) : null;
  const from = pair?.from;
  const to = pair?.to;
  return useMemo(
    () => (provider && from && to ? { provider, from, to } : null),
    [provider, from, to],
  );
}
