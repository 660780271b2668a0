/**
 * Which engine translates, with which settings, and the TanStack Query factories that talk to it.
 * Settings resolve as built-in defaults ← config.json ← the reader's own settings. Translation
 * queries read the persistent cache first and only then join the engine's queue, so reopening a
 * translated article costs no engine requests.
 */
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { RuntimeConfig } from '../domain/config/runtime-config';
import { createProvider, providerDefinitions, type ProviderId } from '../domain/providers/registry';
import type { ProviderSettings, TranslationProvider } from '../domain/providers/types';
import { translationCacheKey } from '../domain/queue/cache-key';
import { TranslationQueue } from '../domain/queue/translation-queue';
import type { Preferences } from './preferences';
import { readCachedTranslation, writeCachedTranslation } from './storage/translation-cache';

export interface EngineChoice {
  providerId: ProviderId;
  settings: ProviderSettings;
}

export function resolveEngine(
  preferences: Pick<Preferences, 'providerId' | 'providerSettings'>,
  config: RuntimeConfig,
): EngineChoice {
  const providerId = preferences.providerId ?? config.defaultProvider;
  const settings: ProviderSettings = { ...providerDefinitions[providerId].defaults };
  for (const layer of [config.providers[providerId], preferences.providerSettings[providerId]]) {
    for (const [key, value] of Object.entries(layer ?? {}) as [keyof ProviderSettings, string][]) {
      // An empty field in the reader's settings means "not set", not "set to nothing".
      if (value.trim() !== '') settings[key] = value.trim();
    }
  }
  return { providerId, settings };
}

export const providerQuery = (choice: EngineChoice) =>
  queryOptions({
    queryKey: ['provider', choice.providerId, choice.settings] as const,
    queryFn: () => createProvider(choice.providerId, choice.settings),
    staleTime: Infinity,
    gcTime: Infinity,
    structuralSharing: false,
    networkMode: 'always',
  });

export const languagePairsQuery = (provider: TranslationProvider | undefined) =>
  queryOptions({
    queryKey: ['language-pairs', provider?.id ?? null, provider?.cacheIdentity ?? null] as const,
    queryFn: provider ? ({ signal }) => provider.listPairs({ signal }) : skipToken,
    staleTime: 10 * 60_000,
  });

const queues = new Map<string, TranslationQueue>();

/** One queue per engine identity and language pair, shared by every view of every article. */
export function getTranslationQueue(
  provider: TranslationProvider,
  from: string,
  to: string,
): TranslationQueue {
  const key = [provider.id, provider.cacheIdentity, from, to].join('|');
  let queue = queues.get(key);
  if (!queue) {
    queue = new TranslationQueue(provider, from, to);
    queues.set(key, queue);
  }
  return queue;
}

export interface SegmentTranslationInput {
  provider: TranslationProvider;
  from: string;
  to: string;
  text: string;
}

/** The translation of one segment; `null` input (nothing to translate into) makes a disabled query. */
export const segmentTranslationQuery = (input: SegmentTranslationInput | null) => {
  const cacheKey = input
    ? translationCacheKey({
        provider: input.provider.id,
        cacheIdentity: input.provider.cacheIdentity,
        from: input.from,
        to: input.to,
        text: input.text,
      })
    : null;
  // The cache key already names engine, identity, languages and text.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions<string, Error, string, readonly ['translation', string | null]>({
    queryKey: ['translation', cacheKey] as const,
    queryFn:
      input && cacheKey ? ({ signal }) => translateWithCache(input, cacheKey, signal) : skipToken,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
};

async function translateWithCache(
  { provider, from, to, text }: SegmentTranslationInput,
  cacheKey: string,
  signal: AbortSignal,
): Promise<string> {
  const cached = await readCachedTranslation(cacheKey);
  if (cached !== undefined) return cached;
  signal.throwIfAborted();
  const translation = await getTranslationQueue(provider, from, to).translate(text, { signal });
  writeCachedTranslation({
    key: cacheKey,
    translation,
    provider: provider.id,
    cacheIdentity: provider.cacheIdentity,
    from,
    to,
    createdAt: Date.now(),
  });
  return translation;
}
