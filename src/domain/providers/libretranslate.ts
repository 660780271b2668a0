/**
 * LibreTranslate (https://libretranslate.com/docs), an open-source engine built on Argos Translate
 * models that people run themselves or rent as a hosted service.
 *
 * - `q` takes an array, so a whole batch travels in one request and comes back in order;
 * - the optional key travels in the JSON body as `api_key`, never in the URL;
 * - every error is `{"error": "…"}`. A 400 covers bad parameters, unsupported languages and a
 *   missing key alike, so the message tells them apart. There is no Retry-After;
 * - codes are already BCP 47-like (`en`, `pt-BR`, `zh-Hans`) and pass through unchanged.
 */
import {
  fetchOrThrow,
  isObject,
  joinUrl,
  kindForStatus,
  parseRetryAfter,
  readJson,
  withTimeout,
} from './http';
import {
  ProviderError,
  type LanguagePair,
  type ProviderSettings,
  type TranslateOptions,
  type TranslationProvider,
} from './types';

export function createLibreTranslateProvider(settings: ProviderSettings = {}): TranslationProvider {
  const endpoint = settings.endpoint?.trim() ?? '';
  const apiKey = settings.apiKey?.trim() ?? '';

  function requireEndpoint(): string {
    if (endpoint === '') {
      throw new ProviderError('invalid-request', 'No LibreTranslate address is set.');
    }
    return endpoint;
  }

  async function listPairs(options: TranslateOptions = {}): Promise<LanguagePair[]> {
    const response = await fetchOrThrow(joinUrl(requireEndpoint(), 'languages'), {
      signal: withTimeout(options.signal, 15_000),
    });
    if (!response.ok) throw await failure(response, apiKey);
    return parseLanguages(await readJson(response));
  }

  async function translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    if (texts.length === 0) return [];
    const body: Record<string, unknown> = { q: texts, source: from, target: to, format: 'text' };
    // Public instances reject an empty `api_key`, so it is sent only when there is one.
    if (apiKey !== '') body.api_key = apiKey;
    const response = await fetchOrThrow(joinUrl(requireEndpoint(), 'translate'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: withTimeout(options.signal),
    });
    if (!response.ok) throw await failure(response, apiKey);
    const json = await readJson(response);
    const translated = isObject(json) ? json.translatedText : undefined;
    if (!Array.isArray(translated) || !translated.every((item) => typeof item === 'string')) {
      throw new ProviderError('bad-response', 'LibreTranslate answered without translatedText[].', {
        status: response.status,
      });
    }
    if (translated.length !== texts.length) {
      throw new ProviderError(
        'bad-response',
        `LibreTranslate returned ${translated.length} texts for ${texts.length}.`,
        { status: response.status },
      );
    }
    return translated;
  }

  return {
    id: 'libretranslate',
    // The operator sets `--char-limit` and `--batch-limit`, and hosted instances keep them to a few
    // thousand characters; going over is a 400 that no retry fixes, so requests stay small. The
    // models run on the server's CPU one batch per worker: two in flight keep it busy without
    // making either request wait behind a long queue.
    limits: { maxTextsPerRequest: 50, maxCharsPerRequest: 5000, maxConcurrency: 2 },
    cacheIdentity: `libretranslate@${endpoint}`,
    listPairs,
    translate,
  };
}

function parseLanguages(json: unknown): LanguagePair[] {
  if (!Array.isArray(json)) {
    throw new ProviderError(
      'bad-response',
      'LibreTranslate did not answer /languages with a list.',
    );
  }
  const pairs: LanguagePair[] = [];
  const seen = new Set<string>();
  for (const entry of json as unknown[]) {
    if (!isObject(entry) || typeof entry.code !== 'string' || !Array.isArray(entry.targets)) {
      continue;
    }
    for (const target of entry.targets as unknown[]) {
      if (typeof target !== 'string' || target === entry.code) continue;
      const key = `${entry.code}|${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ from: entry.code, to: target });
    }
  }
  return pairs;
}

async function failure(response: Response, apiKey: string): Promise<ProviderError> {
  const { status } = response;
  const json = await readJson(response).catch(() => null);
  const raw = isObject(json) && typeof json.error === 'string' ? json.error : `HTTP ${status}`;
  const message = apiKey === '' ? raw : raw.split(apiKey).join('…');
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  let kind = kindForStatus(status);
  if (status === 400) {
    // "xx is not supported" names a language; "Visit … to get an API key" means one is required.
    if (/not supported/i.test(message)) kind = 'unsupported-pair';
    else if (/api key/i.test(message)) kind = 'auth';
    else kind = 'invalid-request';
  } else if (status === 404 || status === 413) {
    kind = 'invalid-request';
  }
  return new ProviderError(kind, message, { status, retryAfterMs });
}
