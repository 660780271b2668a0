/**
 * The one interface every translation engine implements. A provider is a thin, stateless adapter
 * over one wire format: it translates exactly the texts it is given in one request and says what it
 * can do. Packing, concurrency, cancellation, retries and caching live in the queue, so every
 * engine gets them alike.
 */

/** What the user (or config.json) configures for an engine. Keys never leave the browser except to their own endpoint. */
export interface ProviderSettings {
  endpoint?: string;
  apiKey?: string;
  model?: string;
  region?: string;
}

/** A language pair the engine can translate, as BCP 47 tags. */
export interface LanguagePair {
  from: string;
  to: string;
}

export interface ProviderLimits {
  /** Most texts one request may carry. */
  maxTextsPerRequest: number;
  /**
   * Most characters of source text one request may carry. Texts longer than this are split at
   * sentence boundaries by the queue before they reach the provider.
   */
  maxCharsPerRequest: number;
  /** Requests in flight at once against this engine. */
  maxConcurrency: number;
}

export interface TranslateOptions {
  signal?: AbortSignal;
}

/** Whether an engine that runs models in the browser can translate a pair now. */
export type PairAvailability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

export interface PrepareOptions {
  signal?: AbortSignal;
  /** Download progress, 0..1. */
  onProgress?: (loaded: number) => void;
}

export interface TranslationProvider {
  /** The registry id, e.g. `apertium`. */
  readonly id: string;
  readonly limits: ProviderLimits;
  /**
   * Everything besides the language pair and the text that changes this engine's output (endpoint,
   * model, formality…). It goes into cache keys, so a different model never serves stale text.
   */
  readonly cacheIdentity: string;
  /** The pairs the engine offers, asked of the engine itself. */
  listPairs(options?: TranslateOptions): Promise<LanguagePair[]>;
  /**
   * Translates `texts` from `from` to `to` in one request. Resolves with exactly one translation per
   * text, in order, or rejects with a {@link ProviderError}.
   */
  translate(
    texts: readonly string[],
    from: string,
    to: string,
    options?: TranslateOptions,
  ): Promise<string[]>;
  /**
   * Engines that need a model on this device (Chrome's built-in translator) say whether a pair is
   * ready; other engines leave this out.
   */
  availability?(pair: LanguagePair): Promise<PairAvailability>;
  /** Fetches what a pair needs; browsers require this to start from a user gesture. */
  prepare?(pair: LanguagePair, options?: PrepareOptions): Promise<void>;
}

/**
 * Why a request failed, as the user needs to act on it: retrying helps for `network`, `timeout`,
 * `rate-limited` and `server`; it never helps for `auth`, `quota` or `unsupported-pair`.
 */
export type ProviderErrorKind =
  | 'network' // unreachable, refused, CORS
  | 'timeout'
  | 'auth'
  | 'quota'
  | 'rate-limited'
  | 'unsupported-pair'
  | 'invalid-request' // the engine refused the request as malformed or too large (4xx)
  | 'not-ready' // an on-device model is not downloaded yet
  | 'server' // 5xx or an engine-side failure
  | 'bad-response' // malformed, misaligned or truncated answer
  | 'empty-result'
  | 'untranslated' // the answer is the source text unchanged
  | 'aborted';

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status: number | undefined;
  /** From `Retry-After`, when the engine sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'rate-limited' ||
      this.kind === 'server'
    );
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}

/** Turns whatever `fetch` threw into a ProviderError, keeping aborts recognisable. */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ProviderError('aborted', 'The request was cancelled.', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new ProviderError('timeout', 'The engine did not answer in time.', { cause: error });
  }
  return new ProviderError('network', 'The engine could not be reached.', { cause: error });
}
