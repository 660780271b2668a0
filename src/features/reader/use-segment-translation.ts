/**
 * One segment's translation and its visible state. The query says whether a translation exists or
 * failed; the queue says whether the segment is actually inside a request in flight, so only those
 * segments show "translating" (the rest wait quietly as pending).
 */
import { useQuery, useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { QueuedState } from '../../domain/queue/translation-queue';
import {
  getTranslationQueue,
  segmentTranslationQuery,
  type SegmentTranslationInput,
} from '../../lib/engine';

export type SegmentState = 'pending' | 'translating' | 'translated' | 'error';

const noSubscription = () => () => undefined;

function useQueuedState(input: SegmentTranslationInput | null): QueuedState | undefined {
  const queue = input ? getTranslationQueue(input.provider, input.from, input.to) : null;
  const text = input?.text ?? '';
  const subscribe = useCallback(
    (listener: () => void) => (queue ? queue.subscribe(listener) : noSubscription()),
    [queue],
  );
  return useSyncExternalStore(subscribe, () => queue?.stateOf(text));
}

export function useSegmentTranslation(input: SegmentTranslationInput | null) {
  const query = useQuery(segmentTranslationQuery(input));
  const queued = useQueuedState(input);
  let state: SegmentState = 'pending';
  if (input) {
    if (query.fetchStatus === 'fetching' && queued === 'sent') state = 'translating';
    else if (query.isSuccess) state = 'translated';
    else if (query.isError && query.fetchStatus !== 'fetching') state = 'error';
  }
  return {
    state,
    translation: query.data,
    error: query.error,
    retry: () => {
      void query.refetch();
    },
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
      const key = options.queryKey[1] ?? '';
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
