/**
 * One segment's translation and its visible state. The query says whether a translation exists or
 * failed; the queue says whether the segment is actually inside a request in flight, so only those
 * segments show "translating" (the rest wait quietly as pending). "Retranslate" goes past the
 * cache to the engine and replaces what was there.
 */
import { hashKey, useQuery, useQueryClient, type QueryCache } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ProviderError } from '../../domain/providers/types';
import type { QueuedState } from '../../domain/queue/translation-queue';
import { isDocumentWorking, subscribeDocumentWork } from '../../lib/document-work';
import {
  getTranslationQueue,
  segmentTranslationQuery,
  translateSegments,
  translateWithEngine,
  type DocumentSegment,
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
  // Retranslation is rare: plain state instead of a mutation observer per segment.
  const [fresh, setFresh] = useState<{ pending: boolean; error: unknown }>(IDLE);

  const retranslate = () => {
    if (!input) return;
    setFresh({ pending: true, error: null });
    translateWithEngine(input, input.text).then(
      (data) => {
        queryClient.setQueryData(options.queryKey, data);
        setFresh(IDLE);
      },
      (error: unknown) => setFresh({ pending: false, error }),
    );
  };

  let state: SegmentState = 'pending';
  let error: unknown = query.error;
  if (input) {
    const working = query.fetchStatus === 'fetching' || fresh.pending;
    if (working && queued === 'sent') state = 'translating';
    else if (working) state = 'pending';
    else if (fresh.error) {
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
      if (fresh.error) retranslate();
      else void query.refetch();
    },
    retranslate,
  };
}

const IDLE = { pending: false, error: null };

export interface DocumentProgress {
  total: number;
  translated: number;
  failed: number;
  inFlight: number;
}

/**
 * Starts every segment's translation, whether or not the segment is rendered yet (long documents
 * render progressively), and cancels what is still in flight when the inputs change (another
 * language or article). The start of the document (or the place it reopens at, and onwards) is
 * asked for through the segments' own queries at once; the rest follows as one document run
 * (`translateSegments`), which fills the same queries without a fetch per segment: on a book, ten
 * thousand query fetches cost the engine on the same cores more than the answers they wait for.
 */
const FIRST_SLICE = 60;
/**
 * The rest is set up once the first answer is in, or after this long at most: setting up ten
 * thousand texts takes a tenth of a second or more of CPU, which the engine working on the first
 * request (a local one, on the same cores) would otherwise lose, while the first slice still
 * keeps it busy for a few requests more.
 */
const REST_AT_MOST_MS = 300;

export function useTranslateDocument(
  inputs: readonly (SegmentTranslationInput | null)[],
  /** Where the reader starts (a reopened document's place): asked for first, then onwards. */
  startAt = 0,
): void {
  const queryClient = useQueryClient();
  const wanted = useRef(new Set<string>());
  /** Runs the last inputs started, let go once the next inputs have joined what both want. */
  const outgoing = useRef<AbortController[]>([]);
  useEffect(() => {
    const cache = queryClient.getQueryCache();
    const requests = new Map<string, ReturnType<typeof segmentTranslationQuery>>();
    const ask = (options: ReturnType<typeof segmentTranslationQuery>) => {
      // Failures surface on the segments; nothing to do with them here.
      queryClient.query(options).catch(() => undefined);
    };
    const from = Math.min(Math.max(0, Math.floor(startAt)), inputs.length);
    const all = [...inputs.slice(from), ...inputs.slice(0, from)].filter(
      (input): input is SegmentTranslationInput => input !== null,
    );
    const first = all.slice(0, FIRST_SLICE).map(segmentTranslationQuery);
    first.forEach(ask);
    for (const options of first) requests.set(hashKey(options.queryKey), options);
    const firstHashes = new Set(requests.keys());
    const firstAnswered = () =>
      [...firstHashes].some((hash) => cache.get(hash)?.state.status !== 'pending');
    const rest: DocumentSegment[] = [];
    for (const input of all.slice(FIRST_SLICE)) {
      const options = segmentTranslationQuery(input);
      const hash = hashKey(options.queryKey);
      if (requests.has(hash)) continue;
      requests.set(hash, options);
      rest.push({ input, options, hash });
    }
    wanted.current = new Set(requests.keys());

    // A run the previous inputs started stops only once this one holds the texts both want:
    // stopping it first would abort requests in flight that this run would then send again.
    const previous = outgoing.current;
    outgoing.current = [];
    const letGo = () => previous.splice(0).forEach((controller) => controller.abort());
    const controller = new AbortController();
    let started = false;
    let disposed = false;
    const startRest = () => {
      if (started || disposed) return;
      started = true;
      clearTimeout(timer);
      void translateSegments(queryClient, rest, controller.signal, letGo);
    };
    // Already answered (from the query cache): no engine to spare, the rest goes at once.
    const timer = setTimeout(startRest, firstAnswered() ? 0 : REST_AT_MOST_MS);

    // A rendered row that scrolls away takes its observer, and with it its request in flight
    // (TanStack cancels work nobody watches). The document still wants that text: ask again,
    // unless the document run holds it.
    const unsubscribe = cache.subscribe((event) => {
      if (
        !started &&
        event.type === 'updated' &&
        firstHashes.has(event.query.queryHash) &&
        event.query.state.status !== 'pending'
      ) {
        // After the answer's own work (a task later).
        setTimeout(startRest, 0);
        return;
      }
      if (event.type !== 'observerRemoved') return;
      const options = requests.get(event.query.queryHash);
      if (!options) return;
      setTimeout(() => {
        const query = cache.get(event.query.queryHash);
        const abandoned =
          query?.getObserversCount() === 0 &&
          query.state.status === 'pending' &&
          query.state.fetchStatus === 'idle';
        if (
          abandoned &&
          wanted.current.has(event.query.queryHash) &&
          !isDocumentWorking(event.query.queryHash)
        )
          ask(options);
      }, 0);
    });

    return () => {
      unsubscribe();
      // What this run held passes to the next inputs' run (or is let go a moment later).
      disposed = true;
      clearTimeout(timer);
      const leaving = started ? [...previous, controller] : previous;
      outgoing.current = leaving;
      // Decided a moment later, once the next inputs (if any) are known: a text the document
      // still wants keeps its request; cancelling it and asking again in the same turn would
      // leave it waiting on the cancelled request.
      setTimeout(() => {
        if (outgoing.current === leaving) {
          leaving.forEach((run) => run.abort());
          outgoing.current = [];
        }
        for (const [hash, options] of requests) {
          if (wanted.current.has(hash)) continue;
          const query = cache.get(hash);
          // Leave what a rendered segment still shows alone; stop only unwatched work.
          if (query && query.getObserversCount() === 0 && query.state.fetchStatus === 'fetching') {
            void queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
          }
        }
      }, 0);
      wanted.current = new Set();
    };
  }, [inputs, queryClient, startAt]);
}

/** How often the counts of a long run may redraw; its start and its end show at once. */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Counts over all segments of the document, read from the query cache once per burst of answers
 * (a long article's answers arrive by the dozen; counting on every event would cost more than
 * the rendering it feeds), and published at most every PROGRESS_INTERVAL_MS while work goes on: a
 * progress bar needs no more, and every redraw takes a share of the cores a local engine is
 * translating on.
 */
export function useDocumentProgress(
  inputs: readonly (SegmentTranslationInput | null)[],
): DocumentProgress {
  const queryClient = useQueryClient();
  const hashes = useMemo(() => {
    const counts = new Map<string, number>();
    for (const input of inputs) {
      if (!input) continue;
      const hash = hashKey(segmentTranslationQuery(input).queryKey);
      counts.set(hash, (counts.get(hash) ?? 0) + 1);
    }
    return counts;
  }, [inputs]);

  const store = useMemo(
    () => createProgressStore(queryClient.getQueryCache(), hashes),
    [queryClient, hashes],
  );

  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** What a text counts as: one bit each for translated, failed and in flight. */
const TRANSLATED = 1;
const FAILED = 2;
const IN_FLIGHT = 4;

function kindOf(cache: QueryCache, hash: string): number {
  const state = cache.get(hash)?.state;
  // A document run's text is on its way before (and without) a fetch of its own query.
  let kind = isDocumentWorking(hash) ? IN_FLIGHT : 0;
  if (!state) return kind;
  if (state.status === 'success') kind |= TRANSLATED;
  else if (state.status === 'error' && state.fetchStatus !== 'fetching') kind |= FAILED;
  if (state.fetchStatus === 'fetching') kind |= IN_FLIGHT;
  return kind;
}

/**
 * The counts as an external store: published at most every interval. Each text's kind is kept,
 * so a frame's changes adjust the counts by the texts they touched instead of reading all of a
 * long document's queries again (which, once a frame through a whole translation, cost more
 * than the rendering it feeds).
 */
export function createProgressStore(cache: QueryCache, hashes: ReadonlyMap<string, number>) {
  const kinds = new Map<string, number>();
  const counts = { total: 0, translated: 0, failed: 0, inFlight: 0 };
  for (const weight of hashes.values()) counts.total += weight;
  const recheck = (hash: string) => {
    const weight = hashes.get(hash) ?? 0;
    const before = kinds.get(hash) ?? 0;
    const after = kindOf(cache, hash);
    if (before === after) return;
    kinds.set(hash, after);
    const change = (bit: number) => ((after & bit ? 1 : 0) - (before & bit ? 1 : 0)) * weight;
    counts.translated += change(TRANSLATED);
    counts.failed += change(FAILED);
    counts.inFlight += change(IN_FLIGHT);
  };
  const recheckAll = () => {
    for (const hash of hashes.keys()) recheck(hash);
  };
  const changed = new Set<string>();
  const count = (): DocumentProgress => {
    for (const hash of changed) recheck(hash);
    changed.clear();
    return { ...counts };
  };
  recheckAll();
  let snapshot = count();
  let publishedAt = 0;
  return {
    subscribe: (listener: () => void) => {
      let counting: ReturnType<typeof setTimeout> | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      // What changed while nobody listened (React reads the snapshot again once subscribed).
      recheckAll();
      if (!sameProgress(counts, snapshot)) snapshot = { ...counts };
      const publish = (next: DocumentProgress) => {
        snapshot = next;
        publishedAt = performance.now();
        listener();
      };
      const recount = () => {
        counting = null;
        const next = count();
        if (sameProgress(next, snapshot)) return;
        const edge =
          isSettled(next) ||
          isSettled(snapshot) ||
          (snapshot.inFlight === 0) !== (next.inFlight === 0);
        const wait = publishedAt + PROGRESS_INTERVAL_MS - performance.now();
        if (edge || wait <= 0) {
          if (timer !== null) clearTimeout(timer);
          timer = null;
          publish(next);
        } else {
          timer ??= setTimeout(() => {
            timer = null;
            recount();
          }, wait);
        }
      };
      // Counting is cheap; redrawing is not. Every change is counted once its burst of answers is
      // in (a task later, not at the next frame: asking for a frame makes the browser draw one,
      // and most counts publish nothing), so the end of a run shows at once even while a
      // throttled update waits.
      const unsubscribe = cache.subscribe((event) => {
        if (!hashes.has(event.query.queryHash)) return;
        changed.add(event.query.queryHash);
        counting ??= setTimeout(recount, 0);
      });
      const unsubscribeWork = subscribeDocumentWork((touched) => {
        for (const hash of touched) if (hashes.has(hash)) changed.add(hash);
        if (changed.size > 0) counting ??= setTimeout(recount, 0);
      });
      return () => {
        if (counting !== null) clearTimeout(counting);
        if (timer !== null) clearTimeout(timer);
        unsubscribe();
        unsubscribeWork();
      };
    },
    getSnapshot: () => snapshot,
  };
}

/** Nothing left to wait for: every segment translated or failed. */
function isSettled(progress: DocumentProgress): boolean {
  return progress.translated + progress.failed === progress.total;
}

function sameProgress(a: DocumentProgress, b: DocumentProgress): boolean {
  return (
    a.total === b.total &&
    a.translated === b.translated &&
    a.failed === b.failed &&
    a.inFlight === b.inFlight
  );
}

/** How often translations that arrive reach a document-wide reader of them (find). */
export const SHOWN_TRANSLATIONS_INTERVAL_MS = 400;

const NO_TRANSLATIONS: readonly (SegmentTranslation | undefined)[] = [];

/**
 * The translation each segment shows right now (undefined where it shows none), for every segment
 * of the document, rendered or not: read from the query cache, the same place each segment's own
 * query reads. Updates arrive in batches at most every SHOWN_TRANSLATIONS_INTERVAL_MS while
 * translations come in. `enabled: false` reads nothing and subscribes to nothing.
 */
export function useShownTranslations(
  inputs: readonly (SegmentTranslationInput | null)[],
  enabled: boolean,
): readonly (SegmentTranslation | undefined)[] {
  const queryClient = useQueryClient();
  const hashes = useMemo(
    () =>
      enabled
        ? inputs.map((input) => (input ? hashKey(segmentTranslationQuery(input).queryKey) : null))
        : null,
    [inputs, enabled],
  );
  const store = useMemo(
    () => (hashes ? createShownTranslationsStore(queryClient.getQueryCache(), hashes) : null),
    [queryClient, hashes],
  );
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    store?.getSnapshot ?? (() => NO_TRANSLATIONS),
  );
}

export function createShownTranslationsStore(
  cache: QueryCache,
  hashes: readonly (string | null)[],
) {
  const wanted = new Set(hashes.filter((hash): hash is string => hash !== null));
  const read = (): (SegmentTranslation | undefined)[] =>
    hashes.map((hash) => {
      const state = hash ? cache.get<SegmentTranslation>(hash)?.state : undefined;
      // As a segment shows it: a translation being fetched again is not shown meanwhile.
      return state?.status === 'success' && state.fetchStatus !== 'fetching'
        ? state.data
        : undefined;
    });
  let snapshot = read();
  return {
    subscribe: (listener: () => void) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const publish = () => {
        timer = null;
        const next = read();
        if (next.length === snapshot.length && next.every((item, i) => item === snapshot[i])) {
          return;
        }
        snapshot = next;
        listener();
      };
      const unsubscribe = cache.subscribe((event) => {
        if (event.type !== 'updated' || !wanted.has(event.query.queryHash)) return;
        timer ??= setTimeout(publish, SHOWN_TRANSLATIONS_INTERVAL_MS);
      });
      // What arrived between reading the snapshot and subscribing.
      publish();
      return () => {
        if (timer !== null) clearTimeout(timer);
        unsubscribe();
      };
    },
    getSnapshot: () => snapshot,
  };
}
