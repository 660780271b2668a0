/**
 * The translation queue for one engine and one language pair.
 *
 * Why a queue and not one request per paragraph: engines charge per request in latency (APy is
 * almost 8× faster with ~4,000-character requests than with one paragraph each), so callers ask for
 * single texts and the queue packs them into requests within the provider's limits:
 * - texts asked for in the same task are packed by priority (what is on screen first, in requests
 *   of its own), then in reading order; at most `maxConcurrency` requests are in flight, and a
 *   finished one frees its slot at once, so the rest of the document follows without waiting for
 *   scrolling;
 * - identical texts are sent once and answer every caller; a text over the character limit is
 *   split at sentence boundaries and rejoined;
 * - a caller that aborts leaves the queue; a request whose callers have all left is aborted;
 * - network failures, timeouts, 5xx and 429 are retried with exponential backoff and jitter, a
 *   429's `Retry-After` pausing the whole engine; a bad key or an exhausted quota is never
 *   retried: the queue halts, fails what it holds with that one error and sends nothing more until
 *   `resume()` — one clear failure, not one per paragraph;
 * - every answer is checked: a wrong count fails the whole request (nothing misaligned is ever
 *   handed out), an empty or unchanged translation fails that text alone.
 * Nothing here caches: callers cache what succeeded.
 */
import { joinPieces, splitForLimit } from '../segments/split';
import { ProviderError, toProviderError, type TranslationProvider } from '../providers/types';

/** Where a text stands: waiting (for a slot or a retry), or inside a request in flight. */
export type QueuedState = 'queued' | 'sent';

export interface QueueRequestOptions {
  signal?: AbortSignal;
}

export interface RetryPolicy {
  /** Attempts per text, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this fails the texts instead of holding them. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 600,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
};

export interface QueueOptions {
  retry?: Partial<RetryPolicy>;
  /** Injected for tests. */
  random?: () => number;
}

interface Waiter {
  resolve: (translation: string) => void;
  reject: (error: Error) => void;
}

interface Entry {
  text: string;
  /** The text the caller asked for, when this entry is one sentence group of a longer text. */
  owner: string;
  state: QueuedState;
  order: number;
  attempts: number;
  /** Not to be sent before this time (a retry's backoff). */
  notBefore: number;
  waiters: Set<Waiter>;
  batch?: Batch;
}

interface Batch {
  entries: Entry[];
  controller: AbortController;
}

export interface QueueStats {
  requests: number;
  failedRequests: number;
  retries: number;
}

export class TranslationQueue {
  readonly provider: TranslationProvider;
  readonly from: string;
  readonly to: string;

  private readonly policy: RetryPolicy;
  private readonly random: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly priorities = new Map<string, number[]>();
  private readonly abortWatches = new WeakMap<
    AbortSignal,
    { callbacks: Set<() => void>; listener: () => void }
  >();
  private inFlight = 0;
  private nextOrder = 0;
  private flushScheduled = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Infinity;
  private pausedUntil = 0;
  private halt: ProviderError | null = null;
  private notifyScheduled = false;
  private disposed = false;
  private readonly counters: QueueStats = { requests: 0, failedRequests: 0, retries: 0 };

  constructor(provider: TranslationProvider, from: string, to: string, options: QueueOptions = {}) {
    this.provider = provider;
    this.from = from;
    this.to = to;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
  }

  /** Translates one text; long texts are split into sentence groups that travel separately. */
  async translate(text: string, options: QueueRequestOptions = {}): Promise<string> {
    const source = text.trim();
    if (source === '') return '';
    const limit = this.provider.limits.maxCharsPerRequest;
    if (source.length <= limit) return this.enqueue(source, source, options);
    const pieces = splitForLimit(source, limit, this.from);
    const translated = await Promise.all(
      pieces.map((piece) => this.enqueue(piece, source, options)),
    );
    return joinPieces(translated, this.to);
  }

  /**
   * Says how urgent a text is (lower first; what is on screen gets the lowest). Texts without a
   * priority go in the order they were asked for. Returns a function that withdraws it.
   */
  prioritize(text: string, priority: number): () => void {
    const key = text.trim();
    const list = this.priorities.get(key) ?? [];
    list.push(priority);
    this.priorities.set(key, list);
    this.scheduleFlush();
    return () => {
      const current = this.priorities.get(key);
      if (!current) return;
      const index = current.indexOf(priority);
      if (index >= 0) current.splice(index, 1);
      if (current.length === 0) this.priorities.delete(key);
    };
  }

  /** The state of a text (or of any piece of it) still in the queue; undefined once answered. */
  stateOf(text: string): QueuedState | undefined {
    const source = text.trim();
    const entry = this.entries.get(source);
    if (entry) return entry.state;
    if (source.length <= this.provider.limits.maxCharsPerRequest) return undefined;
    let state: QueuedState | undefined;
    for (const piece of splitForLimit(source, this.provider.limits.maxCharsPerRequest, this.from)) {
      const pieceState = this.entries.get(piece)?.state;
      if (pieceState === 'sent') return 'sent';
      if (pieceState === 'queued') state = 'queued';
    }
    return state;
  }

  /** The failure that stopped this queue (a bad key, an exhausted quota), if any. */
  get halted(): ProviderError | null {
    return this.halt;
  }

  /** Lets a halted queue send again, e.g. after the reader fixed the key. */
  resume(): void {
    this.halt = null;
    this.pausedUntil = 0;
    this.notify();
    this.scheduleFlush();
  }

  get stats(): QueueStats {
    return { ...this.counters };
  }

  /** Called after any text changes state; cheap to subscribe many times. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Aborts everything; later calls reject. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    const error = new ProviderError('aborted', 'The translation was cancelled.');
    for (const entry of [...this.entries.values()]) {
      entry.batch?.controller.abort();
      this.settle(entry, (waiter) => waiter.reject(error));
    }
    this.entries.clear();
    this.notify();
  }

  private enqueue(text: string, owner: string, { signal }: QueueRequestOptions): Promise<string> {
    if (this.disposed) {
      return Promise.reject(new ProviderError('aborted', 'The translation was cancelled.'));
    }
    if (this.halt) return Promise.reject(this.halt);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<string>((resolve, reject) => {
      let entry = this.entries.get(text);
      if (!entry) {
        entry = {
          text,
          owner,
          state: 'queued',
          order: this.nextOrder++,
          attempts: 0,
          notBefore: 0,
          waiters: new Set(),
        };
        this.entries.set(text, entry);
        this.notify();
      }
      const current = entry;
      const unwatch = signal
        ? this.watchAbort(signal, () => {
            current.waiters.delete(waiter);
            reject(abortReason(signal));
            this.abandon(current);
          })
        : undefined;
      const waiter: Waiter = {
        resolve: (value) => {
          unwatch?.();
          resolve(value);
        },
        reject: (error) => {
          unwatch?.();
          reject(error);
        },
      };
      current.waiters.add(waiter);
      this.scheduleFlush();
    });
  }

  /**
   * Calls `onAbort` when `signal` aborts; returns what stops watching. One listener per signal,
   * however many texts it covers: a document's run asks for thousands of texts under one signal,
   * and the DOM adds and removes each listener in time that grows with the listeners already on
   * the signal.
   */
  private watchAbort(signal: AbortSignal, onAbort: () => void): () => void {
    let watch = this.abortWatches.get(signal);
    if (!watch) {
      const callbacks = new Set<() => void>();
      const listener = () => {
        this.abortWatches.delete(signal);
        for (const callback of [...callbacks]) callback();
      };
      watch = { callbacks, listener };
      this.abortWatches.set(signal, watch);
      signal.addEventListener('abort', listener, { once: true });
    }
    const { callbacks, listener } = watch;
    callbacks.add(onAbort);
    return () => {
      if (!callbacks.delete(onAbort) || callbacks.size > 0) return;
      if (this.abortWatches.get(signal)?.callbacks === callbacks) {
        this.abortWatches.delete(signal);
        signal.removeEventListener('abort', listener);
      }
    };
  }

  /** A text nobody waits for any more leaves the queue; a request nobody waits for is aborted. */
  private abandon(entry: Entry): void {
    if (entry.waiters.size > 0) return;
    if (entry.state === 'queued') {
      this.entries.delete(entry.text);
      this.notify();
      return;
    }
    const batch = entry.batch;
    if (batch && batch.entries.every((e) => e.waiters.size === 0)) {
      // Later callers of the same texts must not join a request that is being torn down.
      for (const e of batch.entries)
        if (this.entries.get(e.text) === e) this.entries.delete(e.text);
      batch.controller.abort();
      this.notify();
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.disposed) return;
    this.flushScheduled = true;
    // A macrotask, not a microtask: callers that start from separate promise chains in the same
    // turn (cache misses answered by one IndexedDB transaction) still land in one request.
    setTimeout(() => {
      this.flushScheduled = false;
      this.flush();
    }, 0);
  }

  /** Wakes the queue at `at` (a backoff or a Retry-After ending). */
  private wakeAt(at: number): void {
    if (this.timer !== null && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.flush();
      },
      Math.max(0, at - Date.now()),
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private flush(): void {
    if (this.disposed || this.halt) return;
    const now = Date.now();
    if (this.pausedUntil > now) {
      this.wakeAt(this.pausedUntil);
      return;
    }
    while (this.inFlight < this.provider.limits.maxConcurrency) {
      const batch = this.nextBatch(now);
      if (batch.length === 0) return;
      this.send(batch);
    }
  }

  /**
   * The next request's texts: ready texts by priority, then order of asking. Only the texts with
   * a priority (those rendered) are sorted; the rest are read in the entries' own order, which is
   * the order of asking, and only as far as one request reaches — on a 10,000-text document the
   * queue must not sort everything it holds for every request it sends. When nothing is ready,
   * the queue wakes itself at the end of the earliest backoff.
   */
  private nextBatch(now: number): Entry[] {
    const { maxTextsPerRequest, maxCharsPerRequest } = this.provider.limits;
    const ranked = this.rankedReady(now);
    const ordered = this.entries.values();
    let nextRanked = 0;
    let earliest = Infinity;
    /** The next ready text in order of asking that has no priority of its own. */
    const advanceOrdered = () => {
      for (let step = ordered.next(); !step.done; step = ordered.next()) {
        const entry = step.value;
        if (entry.state !== 'queued') continue;
        if (entry.notBefore > now) {
          earliest = Math.min(earliest, entry.notBefore);
          continue;
        }
        if (this.priorityList(entry)) continue;
        return entry;
      }
      return null;
    };
    let nextOrdered = advanceOrdered();
    const batch: Entry[] = [];
    let chars = 0;
    let urgent: boolean | null = null;
    for (;;) {
      const fromRanked = ranked[nextRanked];
      let entry: Entry;
      let priority: number;
      if (
        fromRanked &&
        (!nextOrdered ||
          fromRanked.priority < nextOrdered.order ||
          (fromRanked.priority === nextOrdered.order && fromRanked.entry.order < nextOrdered.order))
      ) {
        ({ entry, priority } = fromRanked);
        nextRanked++;
      } else if (nextOrdered) {
        entry = nextOrdered;
        priority = entry.order;
        nextOrdered = null;
      } else {
        break;
      }
      // Urgent texts (negative priority: on screen) travel on their own, so the engine answers
      // what the reader is looking at as fast as it can, not after a full request's worth.
      urgent ??= priority < 0;
      if (batch.length >= maxTextsPerRequest) break;
      if (batch.length > 0 && chars + entry.text.length > maxCharsPerRequest) break;
      if (urgent && priority >= 0) break;
      batch.push(entry);
      chars += entry.text.length;
      nextOrdered ??= advanceOrdered();
    }
    if (batch.length === 0 && Number.isFinite(earliest)) this.wakeAt(earliest);
    return batch;
  }

  /** The priorities given to an entry's text, or to the text it is a piece of; null if none. */
  private priorityList(entry: Entry): number[] | null {
    const own = this.priorities.get(entry.text) ?? this.priorities.get(entry.owner);
    return own && own.length > 0 ? own : null;
  }

  /** Ready entries that have a priority, most urgent first (few: the rendered ones). */
  private rankedReady(now: number): { entry: Entry; priority: number }[] {
    const found = new Set<Entry>();
    const limit = this.provider.limits.maxCharsPerRequest;
    for (const text of this.priorities.keys()) {
      const entry = this.entries.get(text);
      if (entry) found.add(entry);
      else if (text.length > limit) {
        // A long text travels as pieces, each an entry of its own.
        for (const piece of splitForLimit(text, limit, this.from)) {
          const pieceEntry = this.entries.get(piece);
          if (pieceEntry?.owner === text) found.add(pieceEntry);
        }
      }
    }
    const ranked: { entry: Entry; priority: number }[] = [];
    for (const entry of found) {
      const list = this.priorityList(entry);
      if (!list || entry.state !== 'queued' || entry.notBefore > now) continue;
      ranked.push({ entry, priority: Math.min(...list) });
    }
    return ranked.sort((a, b) => a.priority - b.priority || a.entry.order - b.entry.order);
  }

  private send(entries: Entry[]): void {
    const batch: Batch = { entries, controller: new AbortController() };
    for (const entry of entries) {
      entry.state = 'sent';
      entry.batch = batch;
      entry.attempts++;
    }
    this.inFlight++;
    this.counters.requests++;
    this.notify();
    this.provider
      .translate(
        entries.map((entry) => entry.text),
        this.from,
        this.to,
        { signal: batch.controller.signal },
      )
      .then(
        (translations) => this.accept(entries, translations),
        (error: unknown) => this.fail(entries, toProviderError(error)),
      )
      .finally(() => {
        this.inFlight--;
        this.notify();
        if (!this.disposed) this.flush();
      });
  }

  private accept(entries: Entry[], translations: readonly string[]): void {
    if (translations.length !== entries.length) {
      this.counters.failedRequests++;
      const error = new ProviderError(
        'bad-response',
        `The engine answered ${translations.length} texts for ${entries.length}.`,
      );
      for (const entry of entries) this.settle(entry, (waiter) => waiter.reject(error));
      return;
    }
    entries.forEach((entry, index) => {
      const translation = (translations[index] ?? '').trim();
      const problem = checkTranslation(entry.text, translation, this.from, this.to);
      if (problem) this.settle(entry, (waiter) => waiter.reject(problem));
      else this.settle(entry, (waiter) => waiter.resolve(translation));
    });
  }

  private fail(entries: Entry[], error: ProviderError): void {
    this.counters.failedRequests++;
    if (error.kind === 'auth' || error.kind === 'quota') {
      this.halt = error;
      for (const entry of [...this.entries.values()]) {
        if (entry.state === 'queued' || entries.includes(entry)) {
          this.settle(entry, (waiter) => waiter.reject(error));
        }
      }
      this.clearTimer();
      return;
    }
    const now = Date.now();
    let delay: number | null = null;
    if (error.retryable) {
      if (error.kind === 'rate-limited') {
        const wait =
          error.retryAfterMs ?? this.backoff(Math.max(...entries.map((e) => e.attempts)));
        if (wait <= this.policy.maxRetryAfterMs) {
          delay = wait;
          this.pausedUntil = Math.max(this.pausedUntil, now + wait);
        }
      } else {
        delay = this.backoff(Math.max(...entries.map((e) => e.attempts)));
      }
    }
    for (const entry of entries) {
      const retry =
        delay !== null && entry.attempts < this.policy.maxAttempts && entry.waiters.size > 0;
      if (!retry) {
        this.settle(entry, (waiter) => waiter.reject(error));
        continue;
      }
      this.counters.retries++;
      entry.state = 'queued';
      entry.batch = undefined;
      entry.notBefore = now + (delay ?? 0);
    }
  }

  /** Exponential backoff with full-range jitter (0.5×–1.5×), so clients do not retry in step. */
  private backoff(attempt: number): number {
    const exponential = this.policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
    return Math.min(this.policy.maxDelayMs, exponential) * (0.5 + this.random());
  }

  private settle(entry: Entry, action: (waiter: Waiter) => void): void {
    if (this.entries.get(entry.text) === entry) this.entries.delete(entry.text);
    const waiters = [...entry.waiters];
    entry.waiters.clear();
    this.notify();
    for (const waiter of waiters) action(waiter);
  }

  private notify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener();
    });
  }
}

/**
 * Why an answer is not a translation: empty, or the source handed back unchanged. A short text
 * (a name, a number) may legitimately come back as it was; prose of several words may not.
 */
export function checkTranslation(
  source: string,
  translation: string,
  from: string,
  to: string,
): ProviderError | null {
  if (translation === '')
    return new ProviderError('empty-result', 'The engine answered with an empty text.');
  const words = source.match(/\p{L}{2,}/gu)?.length ?? 0;
  if (translation === source && words >= 3 && from.split('-')[0] !== to.split('-')[0]) {
    return new ProviderError('untranslated', 'The engine handed the text back unchanged.');
  }
  return null;
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('The operation was aborted.', 'AbortError');
}
