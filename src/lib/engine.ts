/**
 * Which engine translates, with which settings, and the TanStack Query factories that talk to it.
 * Settings resolve as built-in defaults ← config.json ← the reader's own settings. Translation
 * queries read the persistent cache first and only then join the engine's queue, so reopening a
 * translated article costs no engine requests.
 */
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { RuntimeConfig } from '../domain/config/runtime-config';
import { createProvider, providerDefinitions, type ProviderId } from '../domain/providers/registry';
import {
  isProviderError,
  type LanguagePair,
  type ProviderSettings,
  type TranslationProvider,
} from '../domain/providers/types';
import { translationCacheKey } from '../domain/queue/cache-key';
import { TranslationQueue } from '../domain/queue/translation-queue';
import { isOnline, waitUntilOnline } from './online';
import type { Preferences } from './preferences';
import {
  holdCacheWrites,
  readCachedTranslation,
  writeCachedTranslation,
} from './storage/translation-cache';

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
    for (const [key, value] of Object.entries(layer ?? {}) as [keyof ProviderSettings, unknown][]) {
      // An empty field in the reader's settings means "not set", not "set to nothing".
      if (typeof value === 'string' && value.trim() !== '') settings[key] = value.trim();
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
  // The id and identity in the key name the provider instance.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey: ['language-pairs', provider?.id ?? null, provider?.cacheIdentity ?? null] as const,
    queryFn: provider ? ({ signal }) => listPairsRemembered(provider, signal) : skipToken,
    staleTime: 10 * 60_000,
    // Offline the last list the engine gave still routes cached translations.
    networkMode: 'always',
  });

const PAIRS_KEY_PREFIX = 'interlinear:pairs:';

/**
 * Asks the engine for its pairs and remembers the answer; when the engine cannot be reached and a
 * list was seen before, that list answers (offline reading needs the route to find the cache).
 */
async function listPairsRemembered(
  provider: TranslationProvider,
  signal: AbortSignal,
): Promise<LanguagePair[]> {
  const key = `${PAIRS_KEY_PREFIX}${provider.id}|${provider.cacheIdentity}`;
  try {
    const pairs = await provider.listPairs({ signal });
    try {
      localStorage.setItem(key, JSON.stringify(pairs));
    } catch {
      // A full or missing localStorage only costs the offline fallback.
    }
    return pairs;
  } catch (error) {
    const remembered = readRememberedPairs(key);
    if (remembered && (!isOnline() || isNetworkFailure(error))) return remembered;
    throw error;
  }
}

function readRememberedPairs(key: string): LanguagePair[] | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? (parsed as LanguagePair[]) : null;
  } catch {
    return null;
  }
}

function isNetworkFailure(error: unknown): boolean {
  return isProviderError(error) && (error.kind === 'network' || error.kind === 'timeout');
}

/** Whether an on-device engine has the model for a route's pair (other engines: always ready). */
export const pairAvailabilityQuery = (route: EngineRoute | null) =>
  queryOptions({
    queryKey: [
      'availability',
      route?.provider.id ?? null,
      route?.provider.cacheIdentity ?? null,
      route?.from ?? null,
      route?.to ?? null,
    ] as const,
    queryFn: route?.provider.availability
      ? () => route.provider.availability?.({ from: route.from, to: route.to }) ?? 'available'
      : skipToken,
    staleTime: 0,
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

/** An engine and the pair of its own codes to ask it for. */
export interface EngineRoute {
  provider: TranslationProvider;
  from: string;
  to: string;
}

export interface SegmentTranslationInput extends EngineRoute {
  text: string;
  /** Asked when the main engine fails for this text; its answers are labelled and cached as its own. */
  fallback?: EngineRoute | null;
}

/** A translation and the engine that made it (its origin stays shown, and exports carry it). */
export interface SegmentTranslation {
  text: string;
  provider: string;
  cacheIdentity: string;
  /** When the engine made it (ms since epoch), also for a translation read from the cache. */
  createdAt: number;
}

function cacheKeyFor(route: EngineRoute, text: string): string {
  return translationCacheKey({
    provider: route.provider.id,
    cacheIdentity: route.provider.cacheIdentity,
    from: route.from,
    to: route.to,
    text,
  });
}

/** The translation of one segment; `null` input (nothing to translate into) makes a disabled query. */
export const segmentTranslationQuery = (input: SegmentTranslationInput | null) => {
  const key = input ? cacheKeyFor(input, input.text) : null;
  const fallbackKey = input?.fallback ? cacheKeyFor(input.fallback, input.text) : null;
  const queryKey = ['translation', key, fallbackKey] as const;
  // The cache keys in queryKey already name engines, identities, languages and text.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey,
    queryFn: input
      ? ({ signal }): Promise<SegmentTranslation> => translateWithCache(input, signal)
      : skipToken,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    // The cache answers offline; waiting for the network is translateWithCache's call.
    networkMode: 'always',
  });
};

async function fromCache(
  route: EngineRoute,
  text: string,
): Promise<SegmentTranslation | undefined> {
  const record = await readCachedTranslation(cacheKeyFor(route, text));
  return record
    ? {
        text: record.translation,
        provider: record.provider,
        cacheIdentity: record.cacheIdentity,
        createdAt: record.createdAt,
      }
    : undefined;
}

/** Asks an engine (through its queue) and caches what it answered. */
export async function translateWithEngine(
  route: EngineRoute,
  text: string,
  signal?: AbortSignal,
): Promise<SegmentTranslation> {
  const { provider, from, to } = route;
  const release = holdCacheWrites();
  let translation: string;
  try {
    translation = await getTranslationQueue(provider, from, to).translate(text, { signal });
  } finally {
    release();
  }
  const createdAt = Date.now();
  writeCachedTranslation({
    key: cacheKeyFor(route, text),
    translation,
    provider: provider.id,
    cacheIdentity: provider.cacheIdentity,
    from,
    to,
    createdAt,
  });
  return {
    text: translation,
    provider: provider.id,
    cacheIdentity: provider.cacheIdentity,
    createdAt,
  };
}

function needsNetwork(provider: TranslationProvider): boolean {
  const definition = (providerDefinitions as Record<string, { category: string } | undefined>)[
    provider.id
  ];
  return definition?.category !== 'browser' && definition?.category !== 'testing';
}

async function translateWithCache(
  input: SegmentTranslationInput,
  signal: AbortSignal,
): Promise<SegmentTranslation> {
  const cached =
    (await fromCache(input, input.text)) ??
    (input.fallback ? await fromCache(input.fallback, input.text) : undefined);
  if (cached) return cached;
  signal.throwIfAborted();
  // Offline, a paragraph that needs a network engine waits (pending, no request attempted) and
  // goes by itself when the browser is back online. On-device engines need no network.
  if (needsNetwork(input.provider)) await waitUntilOnline(signal);
  try {
    return await translateWithEngine(input, input.text, signal);
  } catch (error) {
    const fallback = input.fallback;
    if (!fallback || signal.aborted || (isProviderError(error) && error.kind === 'aborted'))
      throw error;
    return translateWithEngine(fallback, input.text, signal);
  }
}
