/**
 * The translation queue for one engine and one language pair.
 *
 * Why a queue and not one request per paragraph: engines charge per request in latency (APy is
 * almost 8× faster with ~4,000-character requests than with one paragraph each), so callers ask for
 * single texts and the queue packs them into requests within the provider's limits:
 * - requests made in the same task are collected and packed in reading order (then `priority`);
 * - at most `maxConcurrency` requests are in flight; a finished one immediately frees its slot;
 * - identical texts are sent once and answer every caller;
 * - a text over the character limit is split at sentence boundaries and rejoined;
 * - a caller that aborts leaves the queue; a request whose callers have all left is aborted;
 * - a request that fails fails each of its texts with the engine's error; an empty answer for a
 *   non-empty text fails that text alone. Nothing here caches: callers cache what succeeded.
 */
import { joinPieces, splitForLimit } from '../segments/split';
import { ProviderError, toProviderError, type TranslationProvider } from '../providers/types';

/** Where a text stands: waiting for a slot, or inside a request in flight. */
export type QueuedState = 'queued' | 'sent';

export interface QueueRequestOptions {
  signal?: AbortSignal;
  /** Lower goes first; equal priorities keep the order of asking. */
  priority?: number;
}

interface Waiter {
  resolve: (translation: string) => void;
  reject: (error: Error) => void;
}

interface Entry {
  text: string;
  state: QueuedState;
  priority: number;
  order: number;
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
}

export class TranslationQueue {
  readonly provider: TranslationProvider;
  readonly from: string;
  readonly to: string;

  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private inFlight = 0;
  private nextOrder = 0;
  private flushScheduled = false;
  private notifyScheduled = false;
  private disposed = false;
  private readonly counters: QueueStats = { requests: 0, failedRequests: 0 };

  constructor(provider: TranslationProvider, from: string, to: string) {
    this.provider = provider;
    this.from = from;
    this.to = to;
  }

  /** Translates one text; long texts are split into sentence groups that travel separately. */
  async translate(text: string, options: QueueRequestOptions = {}): Promise<string> {
    const source = text.trim();
    if (source === '') return '';
    const limit = this.provider.limits.maxCharsPerRequest;
    if (source.length <= limit) return this.enqueue(source, options);
    const pieces = splitForLimit(source, limit, this.from);
    const translated = await Promise.all(pieces.map((piece) => this.enqueue(piece, options)));
    return joinPieces(translated, this.to);
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
    const error = new ProviderError('aborted', 'The translation was cancelled.');
    for (const entry of [...this.entries.values()]) {
      entry.batch?.controller.abort();
      this.settle(entry, (waiter) => waiter.reject(error));
    }
    this.entries.clear();
    this.notify();
  }

  private enqueue(text: string, { signal, priority = 0 }: QueueRequestOptions): Promise<string> {
    if (this.disposed) {
      return Promise.reject(new ProviderError('aborted', 'The translation was cancelled.'));
    }
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<string>((resolve, reject) => {
      let entry = this.entries.get(text);
      if (!entry) {
        entry = { text, state: 'queued', priority, order: this.nextOrder++, waiters: new Set() };
        this.entries.set(text, entry);
        this.notify();
      } else if (entry.state === 'queued' && priority < entry.priority) {
        entry.priority = priority;
      }
      const owner = entry;
      const waiter: Waiter = {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        owner.waiters.delete(waiter);
        reject(abortReason(signal));
        this.abandon(owner);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      owner.waiters.add(waiter);
      this.scheduleFlush();
    });
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
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // A macrotask, not a microtask: callers that start from separate promise chains in the same
    // turn (cache misses answered by one IndexedDB transaction) still land in one request.
    setTimeout(() => {
      this.flushScheduled = false;
      this.flush();
    }, 0);
  }

  private flush(): void {
    const { maxConcurrency, maxTextsPerRequest, maxCharsPerRequest } = this.provider.limits;
    while (this.inFlight < maxConcurrency) {
      const queued = [...this.entries.values()]
        .filter((entry) => entry.state === 'queued')
        .sort((a, b) => a.priority - b.priority || a.order - b.order);
      if (queued.length === 0) return;
      const batch: Entry[] = [];
      let chars = 0;
      for (const entry of queued) {
        if (batch.length >= maxTextsPerRequest) break;
        if (batch.length > 0 && chars + entry.text.length > maxCharsPerRequest) break;
        batch.push(entry);
        chars += entry.text.length;
      }
      this.send(batch);
    }
  }

  private send(entries: Entry[]): void {
    const batch: Batch = { entries, controller: new AbortController() };
    for (const entry of entries) {
      entry.state = 'sent';
      entry.batch = batch;
    }
    this.inFlight++;
    this.counters.requests++;
    this.notify();
    const texts = entries.map((entry) => entry.text);
    this.provider
      .translate(texts, this.from, this.to, { signal: batch.controller.signal })
      .then((translations) => {
        if (translations.length !== entries.length) {
          throw new ProviderError(
            'bad-response',
            `The engine answered ${translations.length} texts for ${entries.length}.`,
          );
        }
        entries.forEach((entry, index) => {
          const translation = (translations[index] ?? '').trim();
          if (translation === '') {
            const error = new ProviderError(
              'empty-result',
              'The engine answered with an empty text.',
            );
            this.settle(entry, (waiter) => waiter.reject(error));
          } else {
            this.settle(entry, (waiter) => waiter.resolve(translation));
          }
        });
      })
      .catch((error: unknown) => {
        this.counters.failedRequests++;
        const failure = toProviderError(error);
        for (const entry of entries) this.settle(entry, (waiter) => waiter.reject(failure));
      })
      .finally(() => {
        this.inFlight--;
        this.notify();
        if (!this.disposed) this.flush();
      });
  }

  private settle(entry: Entry, action: (waiter: Waiter) => void): void {
    if (this.entries.get(entry.text) === entry) this.entries.delete(entry.text);
    const waiters = [...entry.waiters];
    entry.waiters.clear();
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

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('The operation was aborted.', 'AbortError');
}
