/**
 * Which engine translates, with which settings, and the TanStack Query factories that talk to it.
 * Settings resolve as built-in defaults ← config.json ← the reader's own settings. Translation
 * queries read the persistent cache first and only then join the engine's queue, so reopening a
 * translated article costs no engine requests.
 */
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { RuntimeConfig } from '../domain/config/runtime-config';
import { createProvider, providerDefinitions, type ProviderId } from '../domain/providers/registry';
import {
  isProviderError,
  toProviderError,
  type LanguagePair,
  type ProviderSettings,
  type TranslationProvider,
} from '../domain/providers/types';
import { translationCacheKey } from '../domain/queue/cache-key';
import { TranslationQueue } from '../domain/queue/translation-queue';
import { markDocumentWork, unmarkDocumentWork } from './document-work';
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

type SegmentQueryKey = readonly ['translation', string | null, string | null];

/** The translation of one segment; `null` input (nothing to translate into) makes a disabled query. */
export const segmentTranslationQuery = (input: SegmentTranslationInput | null) => {
  const key = input ? cacheKeyFor(input, input.text) : null;
  const fallbackKey = input?.fallback ? cacheKeyFor(input.fallback, input.text) : null;
  const queryKey: SegmentQueryKey = ['translation', key, fallbackKey];
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
  key = cacheKeyFor(route, text),
): Promise<SegmentTranslation | undefined> {
  const record = await readCachedTranslation(key);
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
  const cached = await fromCacheOrFallback(input);
  if (cached) return cached;
  signal.throwIfAborted();
  // Offline, a paragraph that needs a network engine waits (pending, no request attempted) and
  // goes by itself when the browser is back online. On-device engines need no network.
  if (needsNetwork(input.provider)) await waitUntilOnline(signal);
  return translateOrFallBack(input, signal);
}

/** `keys`: the segment's query key, which holds both cache keys already. */
async function fromCacheOrFallback(
  input: SegmentTranslationInput,
  keys?: SegmentQueryKey,
): Promise<SegmentTranslation | undefined> {
  return (
    (await fromCache(input, input.text, keys?.[1] ?? undefined)) ??
    (input.fallback
      ? await fromCache(input.fallback, input.text, keys?.[2] ?? undefined)
      : undefined)
  );
}

/** The main engine, and the fallback engine (if any) when the main one fails for this text. */
async function translateOrFallBack(
  input: SegmentTranslationInput,
  signal: AbortSignal,
): Promise<SegmentTranslation> {
  try {
    return await translateWithEngine(input, input.text, signal);
  } catch (error) {
    const fallback = input.fallback;
    if (!fallback || isAbort(error, signal)) throw error;
    return translateWithEngine(fallback, input.text, signal);
  }
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (isProviderError(error) && error.kind === 'aborted');
}

/**
 * Texts a document run looks up in the cache at a time: between two lookups, what a rendered
 * segment asks for on its own is answered (reopening a book at its end shows the rows there
 * before the whole book has been read from the cache).
 */
const DOCUMENT_CHUNK = 250;

/** One segment of a document, with the query its translation belongs in. */
export interface DocumentSegment {
  input: SegmentTranslationInput;
  options: ReturnType<typeof segmentTranslationQuery>;
  /** `hashKey(options.queryKey)`. */
  hash: string;
}

/**
 * Translates a document's segments without a query fetch per segment: on a book, ten thousand
 * promise chains and query state machines cost a local engine seconds of the CPU it translates
 * on. The texts are looked up in the persistent cache together and handed to the engine's queue
 * together; each answer is written into its segment's query, exactly as that query's own fetch
 * would have written it, so a segment rendered later shows it at once, and find, share and the
 * progress counts read it where they read everything else. A segment whose query already has a
 * translation or is fetching one is left to it. A text that fails gets the same error state its
 * own fetch would have left (a rendered segment shows it and offers a retry); offline, what
 * needs the network is handed to the segments' own queries, which wait for it. Aborting `signal`
 * withdraws every text still waiting. `onAsked` is called once the texts are in the queue (or
 * nothing is left to ask). Resolves once every text is settled.
 */
export async function translateSegments(
  queryClient: QueryClient,
  segments: readonly DocumentSegment[],
  signal: AbortSignal,
  onAsked?: () => void,
): Promise<void> {
  let asking = true;
  const asked = () => {
    if (asking) onAsked?.();
    asking = false;
  };
  const cache = queryClient.getQueryCache();
  const todo = segments.filter(({ hash }) => !hasOrFetches(cache.get(hash)?.state));
  if (todo.length === 0) {
    asked();
    return;
  }
  const held = new Set(todo.map((segment) => segment.hash));
  markDocumentWork(held);
  /** This run is done with a text (each text once, however the run ends). */
  const letGo = (hash: string) => {
    if (held.delete(hash)) unmarkDocumentWork(hash);
  };
  const answers: Promise<void>[] = [];
  const ask = (segment: DocumentSegment) => {
    // Already there (a rendered segment's own fetch got it meanwhile), or not wanted any more.
    if (hasOrFetches(cache.get(segment.hash)?.state) || signal.aborted) {
      letGo(segment.hash);
      return;
    }
    answers.push(
      translateOrFallBack(segment.input, signal).then(
        (translation) => {
          letGo(segment.hash);
          answerSegment(queryClient, segment, translation);
        },
        (error: unknown) => {
          letGo(segment.hash);
          if (!isAbort(error, signal)) failSegment(queryClient, segment, error);
        },
      ),
    );
  };
  /** Texts that need the network while the browser is offline: asked for once it is back. */
  const offline: DocumentSegment[] = [];
  try {
    for (let start = 0; start < todo.length; start += DOCUMENT_CHUNK) {
      if (signal.aborted) {
        for (const segment of todo.slice(start)) letGo(segment.hash);
        break;
      }
      const chunk = todo.slice(start, start + DOCUMENT_CHUNK);
      const cached = await Promise.all(
        chunk.map(({ input, options }) => fromCacheOrFallback(input, options.queryKey)),
      );
      chunk.forEach((segment, index) => {
        const hit = cached[index];
        if (hit) {
          letGo(segment.hash);
          answerSegment(queryClient, segment, hit);
        } else if (needsNetwork(segment.input.provider) && !isOnline()) {
          offline.push(segment);
        } else {
          ask(segment);
        }
      });
    }
    asked();
    if (offline.length > 0) {
      // One wait for the whole document (not one per paragraph); they stay counted as on their
      // way, which the status line shows as waiting for the network.
      await waitUntilOnline(signal).catch(() => undefined);
      offline.forEach(ask);
    }
    await Promise.all(answers);
  } finally {
    asked();
    // Nothing stays counted as on its way after the run, whatever ended it.
    for (const hash of [...held]) letGo(hash);
  }
}

function hasOrFetches(state: { status: string; fetchStatus: string } | undefined): boolean {
  return state?.status === 'success' || state?.fetchStatus === 'fetching';
}

function answerSegment(
  queryClient: QueryClient,
  segment: DocumentSegment,
  translation: SegmentTranslation,
): void {
  // A translation already there (the segment's own fetch, a retranslation) stays.
  if (queryClient.getQueryCache().get(segment.hash)?.state.status === 'success') return;
  queryClient.setQueryData(segment.options.queryKey, translation);
}

function failSegment(queryClient: QueryClient, segment: DocumentSegment, failure: unknown): void {
  const query = queryClient.getQueryCache().build(queryClient, {
    queryKey: segment.options.queryKey,
    queryHash: segment.hash,
    gcTime: segment.options.gcTime,
  });
  const state = query.state;
  if (hasOrFetches(state)) return;
  const error = failure instanceof Error ? failure : toProviderError(failure);
  query.setState({
    status: 'error',
    error,
    errorUpdateCount: state.errorUpdateCount + 1,
    errorUpdatedAt: Date.now(),
    fetchFailureCount: state.fetchFailureCount + 1,
    fetchFailureReason: error,
  });
}
