/**
 * One segment's translation and its visible state. The query says whether a translation exists or
 * failed; the queue says whether the segment is actually inside a request in flight, so only those
 * segments show "translating" (the rest wait quietly as pending). "Retranslate" goes past the
 * cache to the engine and replaces what was there.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ProviderError } from '../../domain/providers/types';
import type { QueuedState } from '../../domain/queue/translation-queue';
import {
  getTranslationQueue,
  segmentTranslationQuery,
  translateWithEngine,
  type EngineRoute,
  type SegmentTranslation,
  type SegmentTranslationInput,
} from '../../lib/engine';

export type SegmentState = 'pending' | 'translating' | 'translated' | 'error';

const noSubscription = () => () => undefined;

function useQueue(route: EngineRoute | null) {
  return route ? getTranslationQueue(route.provider, route.from, route.to) : null;
}

function useQueuedState(input: SegmentTranslationInput | null): QueuedState | undefined {
  const queue = useQueue(input);
  const fallbackQueue = useQueue(input?.fallback ?? null);
  const text = input?.text ?? '';
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = [queue, fallbackQueue].map((q) =>
        q ? q.subscribe(listener) : noSubscription(),
      );
      return () => offs.forEach((off) => off());
    },
    [queue, fallbackQueue],
  );
  return useSyncExternalStore(
    subscribe,
    () => queue?.stateOf(text) ?? fallbackQueue?.stateOf(text),
  );
}

/** The failure that stopped an engine (bad key, exhausted quota), shown once for the document. */
export function useEngineHalt(route: EngineRoute | null): ProviderError | null {
  const queue = useQueue(route);
  const subscribe = useCallback(
    (listener: () => void) => (queue ? queue.subscribe(listener) : noSubscription()),
    [queue],
  );
  return useSyncExternalStore(subscribe, () => queue?.halted ?? null);
}

export interface SegmentTranslationState {
  state: SegmentState;
  translation: SegmentTranslation | undefined;
  error: unknown;
  retry: () => void;
  retranslate: () => void;
}

export function useSegmentTranslation(
  input: SegmentTranslationInput | null,
): SegmentTranslationState {
  const queryClient = useQueryClient();
  const options = segmentTranslationQuery(input);
  const query = useQuery(options);
  const queued = useQueuedState(input);
  const fresh = useMutation({
    mutationFn: () => {
      if (!input) throw new Error('Nothing to translate into');
      return translateWithEngine(input, input.text);
    },
    onSuccess: (data) => queryClient.setQueryData(options.queryKey, data),
  });

  let state: SegmentState = 'pending';
  let error: unknown = query.error;
  if (input) {
    const working = query.fetchStatus === 'fetching' || fresh.isPending;
    if (working && queued === 'sent') state = 'translating';
    else if (working) state = 'pending';
    else if (fresh.isError) {
      state = 'error';
      error = fresh.error;
    } else if (query.isSuccess) state = 'translated';
    else if (query.isError) state = 'error';
  }
  return {
    state,
    translation: query.data,
    error,
    retry: () => {
      if (fresh.isError) fresh.mutate();
      else void query.refetch();
    },
    retranslate: () => fresh.mutate(),
  };
}

export interface DocumentProgress {
  total: number;
  translated: number;
  failed: number;
  inFlight: number;
}

/**
 * Counts over all segments of the document; recomputed only when a count changes. Identical texts
 * share one query, so each distinct text is observed once and counted as often as it occurs.
 */
export function useDocumentProgress(
  inputs: readonly (SegmentTranslationInput | null)[],
): DocumentProgress {
  const { queries, weights, total } = useMemo(() => {
    const byKey = new Map<
      string,
      { options: ReturnType<typeof segmentTranslationQuery>; weight: number }
    >();
    let count = 0;
    for (const input of inputs) {
      if (!input) continue;
      count++;
      const options = segmentTranslationQuery(input);
      const key = options.queryKey.join('|');
      const existing = byKey.get(key);
      if (existing) existing.weight++;
      else byKey.set(key, { options, weight: 1 });
    }
    const entries = [...byKey.values()];
    return {
      queries: entries.map((e) => e.options),
      weights: entries.map((e) => e.weight),
      total: count,
    };
  }, [inputs]);

  return useQueries({
    queries,
    combine: (results) => {
      let translated = 0;
      let failed = 0;
      let inFlight = 0;
      results.forEach((result, index) => {
        const weight = weights[index] ?? 1;
        if (result.isSuccess) translated += weight;
        else if (result.isError && result.fetchStatus !== 'fetching') failed += weight;
        if (result.fetchStatus === 'fetching') inFlight += weight;
      });
      return { total, translated, failed, inFlight };
    },
  });
}
