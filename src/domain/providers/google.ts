/**
 * Google Cloud Translation, Basic edition (v2 REST,
 * https://cloud.google.com/translate/docs/reference/rest/v2/translate).
 *
 * - browsers may call it directly; the key goes only in the `X-goog-api-key` header, never in
 *   `?key=` where it would end up in logs and histories;
 * - `q` takes up to 128 strings, answered in order;
 * - `format` defaults to `html` on Google's side, which would swallow `<` and turn `&` into
 *   entities, so `text` is always sent;
 * - errors are `{error: {code, message, errors: [{reason}], details: [{reason}]}}`. The reason
 *   decides, not the status: a bad key can come back as 400 (`API_KEY_INVALID`), and a 403 may be
 *   a used-up daily quota or a rate limit rather than a refused key;
 * - Google still names Hebrew `iw` and Javanese `jw`; they are mapped to `he` and `jv`.
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
  type ProviderErrorKind,
  type ProviderSettings,
  type TranslateOptions,
  type TranslationProvider,
} from './types';

export const GOOGLE_DEFAULT_ENDPOINT = 'https://translation.googleapis.com';

const FROM_GOOGLE: Readonly<Record<string, string>> = { iw: 'he', jw: 'jv' };
const TO_GOOGLE: Readonly<Record<string, string>> = { he: 'iw', jv: 'jw' };

export function toGoogleCode(tag: string): string {
  return TO_GOOGLE[tag] ?? tag;
}

export function fromGoogleCode(code: string): string {
  return FROM_GOOGLE[code] ?? code;
}

export function createGoogleProvider(settings: ProviderSettings = {}): TranslationProvider {
  const endpoint = (settings.endpoint?.trim() ?? '') || GOOGLE_DEFAULT_ENDPOINT;
  const apiKey = settings.apiKey?.trim() ?? '';

  function headers(json: boolean): Record<string, string> {
    if (apiKey === '') throw new ProviderError('auth', 'No Google Cloud key is set.');
    return json
      ? { 'X-goog-api-key': apiKey, 'Content-Type': 'application/json' }
      : { 'X-goog-api-key': apiKey };
  }

  async function listPairs(options: TranslateOptions = {}): Promise<LanguagePair[]> {
    const response = await fetchOrThrow(
      joinUrl(endpoint, 'language/translate/v2/languages?target=en'),
      { headers: headers(false), signal: withTimeout(options.signal, 15_000) },
    );
    if (!response.ok) throw await failure(response, apiKey);
    const json = await readJson(response);
    const languages =
      isObject(json) && isObject(json.data) && Array.isArray(json.data.languages)
        ? (json.data.languages as unknown[])
        : undefined;
    if (!languages) {
      throw new ProviderError('bad-response', 'Google did not answer with data.languages[].');
    }
    const codes = [
      ...new Set(
        languages.flatMap((entry) =>
          isObject(entry) && typeof entry.language === 'string'
            ? [fromGoogleCode(entry.language)]
            : [],
        ),
      ),
    ];
    // v2 translates between any two languages it lists.
    return codes.flatMap((from) => codes.filter((to) => to !== from).map((to) => ({ from, to })));
  }

  async function translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    if (texts.length === 0) return [];
    const response = await fetchOrThrow(joinUrl(endpoint, 'language/translate/v2'), {
      method: 'POST',
      headers: headers(true),
      body: JSON.stringify({
        q: texts,
        source: toGoogleCode(from),
        target: toGoogleCode(to),
        format: 'text',
      }),
      signal: withTimeout(options.signal),
    });
    if (!response.ok) throw await failure(response, apiKey);
    const json = await readJson(response);
    const translations =
      isObject(json) && isObject(json.data) && Array.isArray(json.data.translations)
        ? (json.data.translations as unknown[])
        : undefined;
    if (!translations) {
      throw new ProviderError('bad-response', 'Google answered without data.translations[].', {
        status: response.status,
      });
    }
    const out: string[] = [];
    for (const item of translations) {
      if (!isObject(item) || typeof item.translatedText !== 'string') {
        throw new ProviderError('bad-response', 'Google answered an item without translatedText.', {
          status: response.status,
        });
      }
      out.push(item.translatedText);
    }
    if (out.length !== texts.length) {
      throw new ProviderError(
        'bad-response',
        `Google returned ${out.length} translations for ${texts.length}.`,
        { status: response.status },
      );
    }
    return out;
  }

  return {
    id: 'google',
    // 128 segments is Google's cap per request. Google advises keeping requests to a few thousand
    // characters for latency and refuses bodies past ~100 KB, so 20,000 characters leaves margin.
    // The service scales, so four requests in flight.
    limits: { maxTextsPerRequest: 128, maxCharsPerRequest: 20_000, maxConcurrency: 4 },
    cacheIdentity: `google-v2@${endpoint}`,
    listPairs,
    translate,
  };
}

const AUTH_REASONS = new Set([
  'keyInvalid',
  'keyExpired',
  'API_KEY_INVALID',
  'API_KEY_SERVICE_BLOCKED',
  'API_KEY_HTTP_REFERRER_BLOCKED',
  'API_KEY_IP_ADDRESS_BLOCKED',
  'accessNotConfigured',
  'SERVICE_DISABLED',
]);
const QUOTA_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded']);
const RATE_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

/** The `reason` fields of both the legacy `errors[]` and the newer `details[]` (ErrorInfo). */
function reasonsOf(error: Record<string, unknown>): string[] {
  const reasons: string[] = [];
  for (const list of [error.errors, error.details]) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      if (isObject(item) && typeof item.reason === 'string') reasons.push(item.reason);
    }
  }
  return reasons;
}

function kindFor(status: number, reasons: readonly string[], message: string): ProviderErrorKind {
  if (reasons.some((reason) => AUTH_REASONS.has(reason))) return 'auth';
  if (reasons.some((reason) => QUOTA_REASONS.has(reason))) return 'quota';
  if (reasons.some((reason) => RATE_REASONS.has(reason))) return 'rate-limited';
  if (status === 400) {
    // "Bad language pair: en|xx" and invalid source/target values name the pair.
    return /language pair|(source|target) language/i.test(message)
      ? 'unsupported-pair'
      : 'invalid-request';
  }
  if (status === 404 || status === 413) return 'invalid-request';
  return kindForStatus(status);
}

async function failure(response: Response, apiKey: string): Promise<ProviderError> {
  const { status } = response;
  const json = await readJson(response).catch(() => null);
  const error = isObject(json) && isObject(json.error) ? json.error : {};
  const raw = typeof error.message === 'string' ? error.message : `HTTP ${status}`;
  const message = apiKey === '' ? raw : raw.split(apiKey).join('…');
  return new ProviderError(kindFor(status, reasonsOf(error), message), message, {
    status,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}
