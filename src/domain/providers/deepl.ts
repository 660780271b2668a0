/**
 * DeepL API v2 (https://developers.deepl.com/docs/api-reference/translate).
 *
 * - DeepL's own hosts (`https://api-free.deepl.com` for keys ending `:fx`, `https://api.deepl.com`
 *   otherwise) refuse browsers: they send no CORS headers. The endpoint is therefore the user's
 *   own proxy that forwards `/v2/…` to one of them; there is no default;
 * - the key goes only in `Authorization: DeepL-Auth-Key <key>`;
 * - `text` takes up to 50 strings per request and the whole body must stay under 128 KiB;
 * - codes are upper case. Sources are bare languages (`EN`, `PT`, `ZH`); some targets need a
 *   variant (`EN-US`, `EN-GB`, `PT-BR`, `PT-PT`, `ZH-HANS`, `ZH-HANT`, `ES-419`);
 * - 456 means the character quota is used up; 429 and 529 mean slow down.
 */
import { primarySubtag } from '../language/codes';
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

/** Target variants DeepL names with a region or script; every other target is the bare language. */
const TARGET_VARIANTS = new Set([
  'EN-GB',
  'EN-US',
  'ES-419',
  'PT-BR',
  'PT-PT',
  'ZH-HANS',
  'ZH-HANT',
]);

/** `en-US` → `EN`: DeepL reads the source language without a variant. */
export function toDeepLSource(tag: string): string {
  return primarySubtag(tag).toUpperCase();
}

/**
 * `en-GB` → `EN-GB`, `zh-Hant` → `ZH-HANT`, `zh-TW` → `ZH-HANT`, `de-AT` → `DE`. A bare `en` or
 * `pt` stays bare, which DeepL still accepts as an unspecified variant.
 */
export function toDeepLTarget(tag: string): string {
  const upper = tag.replace(/_/g, '-').toUpperCase();
  if (TARGET_VARIANTS.has(upper)) return upper;
  const language = primarySubtag(tag).toUpperCase();
  if (language === 'ZH') {
    if (/-(HANT|TW|HK|MO)(-|$)/.test(upper)) return 'ZH-HANT';
    if (/-(HANS|CN|SG)(-|$)/.test(upper)) return 'ZH-HANS';
  }
  return language;
}

/** `EN-GB` → `en-GB`, `ZH-HANS` → `zh-Hans`, `ES-419` → `es-419`, `DE` → `de`. */
export function fromDeepLCode(code: string): string {
  const [language = '', ...rest] = code.split('-');
  return [
    language.toLowerCase(),
    ...rest.map((part) =>
      part.length === 4
        ? part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()
        : part.toUpperCase(),
    ),
  ].join('-');
}

export function createDeepLProvider(settings: ProviderSettings = {}): TranslationProvider {
  // Accept the proxy address with or without the `/v2` the paths below add.
  const endpoint = (settings.endpoint?.trim() ?? '').replace(/\/+$/, '').replace(/\/v2$/, '');
  const apiKey = settings.apiKey?.trim() ?? '';

  /** One call to the proxy: a JSON POST when there is a body, else a GET. */
  async function request(path: string, signal: AbortSignal, body?: unknown): Promise<Response> {
    if (endpoint === '') {
      throw new ProviderError('invalid-request', 'No DeepL proxy address is set.');
    }
    if (apiKey === '') throw new ProviderError('auth', 'No DeepL key is set.');
    const headers: Record<string, string> = { Authorization: `DeepL-Auth-Key ${apiKey}` };
    if (body === undefined) return fetchOrThrow(joinUrl(endpoint, path), { headers, signal });
    headers['Content-Type'] = 'application/json';
    return fetchOrThrow(joinUrl(endpoint, path), {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal,
    });
  }

  async function languages(type: 'source' | 'target', signal: AbortSignal): Promise<string[]> {
    const response = await request(`v2/languages?type=${type}`, signal);
    if (!response.ok) throw await failure(response, apiKey);
    const json = await readJson(response);
    if (!Array.isArray(json)) {
      throw new ProviderError('bad-response', `DeepL did not answer /v2/languages?type=${type}.`);
    }
    const codes: string[] = [];
    for (const entry of json as unknown[]) {
      if (isObject(entry) && typeof entry.language === 'string') {
        codes.push(fromDeepLCode(entry.language));
      }
    }
    return codes;
  }

  async function listPairs(options: TranslateOptions = {}): Promise<LanguagePair[]> {
    const signal = withTimeout(options.signal, 15_000);
    const [sources, targets] = await Promise.all([
      languages('source', signal),
      languages('target', signal),
    ]);
    const pairs: LanguagePair[] = [];
    for (const from of sources) {
      for (const to of targets) {
        if (primarySubtag(from) !== primarySubtag(to)) pairs.push({ from, to });
      }
    }
    return pairs;
  }

  async function translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    if (texts.length === 0) return [];
    const response = await request('v2/translate', withTimeout(options.signal), {
      text: texts,
      source_lang: toDeepLSource(from),
      target_lang: toDeepLTarget(to),
    });
    if (!response.ok) throw await failure(response, apiKey);
    const json = await readJson(response);
    const translations = isObject(json) ? json.translations : undefined;
    if (!Array.isArray(translations)) {
      throw new ProviderError('bad-response', 'DeepL answered without translations[].', {
        status: response.status,
      });
    }
    const out: string[] = [];
    for (const item of translations as unknown[]) {
      if (!isObject(item) || typeof item.text !== 'string') {
        throw new ProviderError('bad-response', 'DeepL answered a translation without text.', {
          status: response.status,
        });
      }
      out.push(item.text);
    }
    if (out.length !== texts.length) {
      throw new ProviderError(
        'bad-response',
        `DeepL returned ${out.length} translations for ${texts.length}.`,
        { status: response.status },
      );
    }
    return out;
  }

  return {
    id: 'deepl',
    // 50 texts is DeepL's own cap. 20,000 characters is at most ~60 KB of UTF-8 even for CJK text,
    // leaving room for JSON escaping well under the 128 KiB body limit. The free plan throttles
    // bursts quickly, so two requests in flight.
    limits: { maxTextsPerRequest: 50, maxCharsPerRequest: 20_000, maxConcurrency: 2 },
    cacheIdentity: `deepl@${endpoint}`,
    listPairs,
    translate,
  };
}

async function failure(response: Response, apiKey: string): Promise<ProviderError> {
  const { status } = response;
  const json = await readJson(response).catch(() => null);
  const raw = isObject(json) && typeof json.message === 'string' ? json.message : `HTTP ${status}`;
  const message = apiKey === '' ? raw : raw.split(apiKey).join('…');
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  let kind = kindForStatus(status);
  if (status === 400) {
    // "Value for 'target_lang' not supported." names the pair; anything else is the request.
    kind = /(source|target)_lang/i.test(message) ? 'unsupported-pair' : 'invalid-request';
  } else if (status === 404 || status === 413 || status === 414) {
    kind = 'invalid-request';
  }
  return new ProviderError(kind, message, { status, retryAfterMs });
}
