/**
 * Chrome's built-in Translator (desktop Chrome 138+, secure contexts): on-device models, one per
 * language pair, downloaded on first use. Nothing leaves the computer.
 *
 * - `Translator.availability({sourceLanguage, targetLanguage})` says whether a pair is
 *   `available`, `downloadable`, `downloading` or `unavailable`;
 * - `Translator.create(…)` fetches the model, but only from a user gesture while the pair is not
 *   yet `available` (else `NotAllowedError`). That is what `prepare` is for; `translate` never
 *   starts a download and reports `not-ready` instead;
 * - a translator takes one string per call, and a string over its input quota fails with
 *   `QuotaExceededError`; so requests carry one text and run one at a time;
 * - there is no API that lists languages, so `listPairs` offers the languages Chrome documents and
 *   `availability` answers for each pair. Without the global, the engine offers nothing.
 */
import {
  ProviderError,
  type LanguagePair,
  type PairAvailability,
  type PrepareOptions,
  type TranslateOptions,
  type TranslationProvider,
} from './types';

/** The languages Chrome's on-device translation documents, as BCP 47 tags. */
export const CHROME_LANGUAGES: readonly string[] = (
  'ar bg bn cs da de el en es fi fr he hi hr hu id it ja kn ko lt mr nl no pl pt ro ru sk sl sv ' +
  'ta te th tr uk vi zh zh-Hant'
).split(' ');

interface LanguageOptions {
  sourceLanguage: string;
  targetLanguage: string;
}

interface BuiltInTranslator {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
}

interface TranslatorFactory {
  availability(options: LanguageOptions): Promise<PairAvailability>;
  create(
    options: LanguageOptions & { signal?: AbortSignal; monitor?: (monitor: EventTarget) => void },
  ): Promise<BuiltInTranslator>;
}

/** The global `Translator`, when this browser has one. */
function translatorFactory(): TranslatorFactory | undefined {
  const candidate = (globalThis as { Translator?: unknown }).Translator;
  if (typeof candidate !== 'function' && typeof candidate !== 'object') return undefined;
  if (candidate === null) return undefined;
  const { availability, create } = candidate as Partial<Record<keyof TranslatorFactory, unknown>>;
  return typeof availability === 'function' && typeof create === 'function'
    ? (candidate as TranslatorFactory)
    : undefined;
}

function pairKey(from: string, to: string): string {
  return `${from}|${to}`;
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === name;
}

/** The API rejects with DOMExceptions; their names say what the user can do about it. */
export function chromeError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  switch (name) {
    case 'AbortError':
      return new ProviderError('aborted', 'The translation was cancelled.', { cause: error });
    case 'TimeoutError':
      return new ProviderError('timeout', 'The translation took too long.', { cause: error });
    case 'QuotaExceededError':
      return new ProviderError('invalid-request', 'The text is longer than the model takes.', {
        cause: error,
      });
    case 'NotSupportedError':
    case 'RangeError':
      return new ProviderError('unsupported-pair', 'Chrome cannot translate this pair.', {
        cause: error,
      });
    case 'NotAllowedError':
      return new ProviderError('not-ready', 'The model has to be downloaded first.', {
        cause: error,
      });
    default:
      return new ProviderError('server', 'Chrome could not translate the text.', { cause: error });
  }
}

/** Takes no settings: there is nothing to configure. */
export function createChromeTranslatorProvider(): TranslationProvider {
  /** Translators already created, per pair, so a model is opened once and reused. */
  const translators = new Map<string, Promise<BuiltInTranslator>>();

  function open(
    api: TranslatorFactory,
    pair: LanguagePair,
    options: PrepareOptions = {},
  ): Promise<BuiltInTranslator> {
    const key = pairKey(pair.from, pair.to);
    const existing = translators.get(key);
    if (existing) return existing;
    const { onProgress } = options;
    const created = api.create({
      sourceLanguage: pair.from,
      targetLanguage: pair.to,
      signal: options.signal,
      monitor: (monitor) => {
        monitor.addEventListener('downloadprogress', (event) => {
          const { loaded } = event as Event & { loaded?: unknown };
          if (onProgress && typeof loaded === 'number') onProgress(loaded);
        });
      },
    });
    translators.set(key, created);
    // A failed or cancelled creation must not stick: the next attempt starts afresh.
    created.catch(() => {
      if (translators.get(key) === created) translators.delete(key);
    });
    return created;
  }

  async function availability(pair: LanguagePair): Promise<PairAvailability> {
    const api = translatorFactory();
    if (!api) return 'unavailable';
    if (translators.has(pairKey(pair.from, pair.to))) return 'available';
    try {
      return await api.availability({ sourceLanguage: pair.from, targetLanguage: pair.to });
    } catch (error) {
      if (chromeError(error).kind === 'unsupported-pair') return 'unavailable';
      throw chromeError(error);
    }
  }

  async function prepare(pair: LanguagePair, options: PrepareOptions = {}): Promise<void> {
    const api = translatorFactory();
    if (!api)
      throw new ProviderError('unsupported-pair', 'This browser has no built-in translator.');
    try {
      await open(api, pair, options);
    } catch (error) {
      throw chromeError(error);
    }
  }

  function listPairs(): Promise<LanguagePair[]> {
    if (!translatorFactory()) return Promise.resolve([]);
    return Promise.resolve(
      CHROME_LANGUAGES.flatMap((from) =>
        CHROME_LANGUAGES.filter((to) => to !== from).map((to) => ({ from, to })),
      ),
    );
  }

  async function translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    const api = translatorFactory();
    if (!api)
      throw new ProviderError('unsupported-pair', 'This browser has no built-in translator.');
    if (texts.length === 0) return [];
    const { signal } = options;
    try {
      signal?.throwIfAborted();
      const key = pairKey(from, to);
      let translator = translators.get(key);
      if (!translator) {
        const state = await api.availability({ sourceLanguage: from, targetLanguage: to });
        if (state === 'unavailable') {
          throw new ProviderError('unsupported-pair', `Chrome cannot translate ${from} → ${to}.`);
        }
        if (state !== 'available') {
          throw new ProviderError('not-ready', `The ${from} → ${to} model is not downloaded yet.`);
        }
        // No signal here: the translator outlives this request and is reused by later ones.
        translator = open(api, { from, to });
      }
      const ready = await translator;
      const out: string[] = [];
      // One string per call is all the API takes; one at a time keeps the model's memory flat.
      for (const text of texts) {
        signal?.throwIfAborted();
        out.push(await ready.translate(text, { signal }));
      }
      return out;
    } catch (error) {
      // A translator the browser has destroyed (memory pressure, a closed document) is dropped,
      // so the next request opens a fresh one.
      if (isNamed(error, 'InvalidStateError')) translators.delete(pairKey(from, to));
      throw chromeError(error);
    }
  }

  return {
    id: 'chrome',
    // One text per call is the API's shape. The input quota is known only once a translator
    // exists and a text over it fails rather than being cut, so requests stay moderate; the queue
    // splits longer paragraphs at sentence boundaries.
    limits: { maxTextsPerRequest: 1, maxCharsPerRequest: 2000, maxConcurrency: 1 },
    cacheIdentity: 'chrome-builtin',
    listPairs,
    translate,
    availability,
    prepare,
  };
}
