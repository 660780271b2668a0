/**
 * The engine's translation of every row, read straight from the query cache and followed as it
 * changes. Not one query observer per row: with thousands of rows, each arriving translation would
 * make TanStack's useQueries rebuild and compare every row's result, freezing the tab while a long
 * document translates. Here an arrival touches its own row, at most once per frame, and every other
 * row keeps the very same object (so memoized rows and per-row checks skip it).
 *
 * The reader asks for the whole document's translations whatever the view, from the top down; a
 * row on screen asks for its own at once (`useAskMachine`), so a review reopened far down is not
 * kept waiting behind the thousands of rows above it. A query the cache lets go of keeps its last
 * answer here.
 */
import { hashKey, useQueryClient, type Query, type QueryCache } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  segmentTranslationQuery,
  type SegmentTranslation,
  type SegmentTranslationInput,
} from '../../lib/engine';
import type { RowSource } from './use-review-rows';

export interface MachineEntry {
  index: number;
  source: string;
  /** The query hash of this row's translation. */
  hash: string;
}

export interface MachineState {
  sources: readonly RowSource[];
  /** Per row, in the same order: its translation is on its way. */
  waiting: readonly boolean[];
}

/**
 * Being fetched, or without an answer that has not failed either: the reader asks for every row
 * of the document (and a rendered row for its own at once), so a row not asked yet is on its way
 * too, not a row without a machine translation.
 */
const isWaiting = (
  query: Query<SegmentTranslation> | undefined,
  data: SegmentTranslation | undefined,
) =>
  query?.state.fetchStatus === 'fetching' ||
  (data === undefined && (query === undefined || query.state.status === 'pending'));

function sourceOf(entry: MachineEntry, data: SegmentTranslation | undefined): RowSource {
  return {
    index: entry.index,
    source: entry.source,
    mt: data
      ? {
          text: data.text,
          origin: {
            provider: data.provider,
            model: data.cacheIdentity || undefined,
            createdAt: data.createdAt,
          },
        }
      : null,
  };
}

export function createMachineStore(cache: QueryCache, entries: readonly MachineEntry[]) {
  const positions = new Map<string, number[]>();
  entries.forEach((entry, position) => {
    const list = positions.get(entry.hash);
    if (list) list.push(position);
    else positions.set(entry.hash, [position]);
  });
  // The answer each row was built from: an update that brings the same answer changes nothing.
  const answers: (SegmentTranslation | undefined)[] = entries.map(() => undefined);

  const read = (position: number, previous: RowSource | undefined) => {
    const entry = entries[position];
    if (!entry) return { source: previous, waiting: false };
    const query = cache.get<SegmentTranslation>(entry.hash);
    const data = query?.state.data ?? answers[position];
    let source = previous;
    if (!source || data !== answers[position]) {
      answers[position] = data;
      source = sourceOf(entry, data);
    }
    return { source, waiting: isWaiting(query, data) };
  };

  const readAll = (): MachineState => {
    const sources: RowSource[] = [];
    const waiting: boolean[] = [];
    entries.forEach((_, position) => {
      const row = read(position, snapshot?.sources[position]);
      if (row.source) sources.push(row.source);
      waiting.push(row.waiting);
    });
    return { sources, waiting };
  };

  let snapshot: MachineState | undefined;
  snapshot = readAll();

  const patch = (changed: Iterable<number>) => {
    const current = snapshot ?? readAll();
    let sources: RowSource[] | null = null;
    let waiting: boolean[] | null = null;
    for (const position of changed) {
      const row = read(position, current.sources[position]);
      if (row.source && row.source !== current.sources[position]) {
        sources ??= current.sources.slice();
        sources[position] = row.source;
      }
      if (row.waiting !== current.waiting[position]) {
        waiting ??= current.waiting.slice();
        waiting[position] = row.waiting;
      }
    }
    if (!sources && !waiting) return false;
    snapshot = { sources: sources ?? current.sources, waiting: waiting ?? current.waiting };
    return true;
  };

  return {
    subscribe: (listener: () => void) => {
      const pending = new Set<number>();
      let frame = 0;
      const flush = () => {
        frame = 0;
        const changed = [...pending];
        pending.clear();
        if (patch(changed)) listener();
      };
      const unsubscribe = cache.subscribe((event) => {
        if (event.type !== 'added' && event.type !== 'updated') return;
        const at = positions.get(event.query.queryHash);
        if (!at) return;
        for (const position of at) pending.add(position);
        frame ||= requestAnimationFrame(flush);
      });
      // What changed between the first read and now.
      if (patch(entries.keys())) listener();
      return () => {
        if (frame) cancelAnimationFrame(frame);
        unsubscribe();
      };
    },
    getSnapshot: (): MachineState => snapshot ?? readAll(),
  };
}

/** Every row's machine translation and whether it is on its way, for the review's rows. */
export function useMachineTranslations(
  entries: readonly { index: number; source: string; input: SegmentTranslationInput }[],
): MachineState {
  const queryClient = useQueryClient();
  const store = useMemo(
    () =>
      createMachineStore(
        queryClient.getQueryCache(),
        entries.map((entry) => ({
          index: entry.index,
          source: entry.source,
          hash: hashKey(segmentTranslationQuery(entry.input).queryKey),
        })),
      ),
    [queryClient, entries],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * Asks for one row's machine translation now (a row the reviewer sees): answered from the cache
 * when it is there, joined when it is already on its way.
 */
export function useAskMachine(
  entries: readonly { index: number; input: SegmentTranslationInput }[],
): (index: number) => void {
  const queryClient = useQueryClient();
  const inputs = useMemo(
    () => new Map(entries.map((entry) => [entry.index, entry.input])),
    [entries],
  );
  return useCallback(
    (index: number) => {
      const input = inputs.get(index);
      // A failure shows on the row (as no machine translation); nothing to do with it here.
      if (input) queryClient.query(segmentTranslationQuery(input)).catch(() => undefined);
    },
    [inputs, queryClient],
  );
}
