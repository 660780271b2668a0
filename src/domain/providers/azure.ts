/**
 * Azure AI Translator, Text Translation v3
 * (https://learn.microsoft.com/azure/ai-services/translator/text-translation/reference/v3/translate).
 *
 * - the key goes only in `Ocp-Apim-Subscription-Key`; a regional or multi-service resource also
 *   needs `Ocp-Apim-Subscription-Region`, sent only when set;
 * - the body is an array of `{"Text": "…"}`, answered in order; the service allows 1,000 elements
 *   and 50,000 characters per request;
 * - `textType=plain` keeps markup-looking text as text;
 * - errors are `{error: {code, message}}` with six-digit codes: 403001 is the free tier's quota,
 *   400035/400036 an unknown source/target language;
 * - the language list needs no key, and codes are BCP 47 already (`zh-Hans`, `pt-PT`, `sr-Latn`).
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

export const AZURE_DEFAULT_ENDPOINT = 'https://api.cognitive.microsofttranslator.com';

export function createAzureProvider(settings: ProviderSettings = {}): TranslationProvider {
  const endpoint = (settings.endpoint?.trim() ?? '') || AZURE_DEFAULT_ENDPOINT;
  const apiKey = settings.apiKey?.trim() ?? '';
  const region = settings.region?.trim() ?? '';

  async function listPairs(options: TranslateOptions = {}): Promise<LanguagePair[]> {
    const query = new URLSearchParams({ 'api-version': '3.0', scope: 'translation' });
    const response = await fetchOrThrow(`${joinUrl(endpoint, 'languages')}?${query.toString()}`, {
      signal: withTimeout(options.signal, 15_000),
    });
    if (!response.ok) throw await failure(response, apiKey);
    const json = await readJson(response);
    if (!isObject(json) || !isObject(json.translation)) {
      throw new ProviderError(
        'bad-response',
        'Azure did not answer /languages with translation{}.',
      );
    }
    const codes = Object.keys(json.translation);
    // Translator translates between any two languages of its translation scope.
    return codes.flatMap((from) => codes.filter((to) => to !== from).map((to) => ({ from, to })));
  }

  async function translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    if (texts.length === 0) return [];
    if (apiKey === '') throw new ProviderError('auth', 'No Azure Translator key is set.');
    const headers: Record<string, string> = {
      'Ocp-Apim-Subscription-Key': apiKey,
      'Content-Type': 'application/json; charset=UTF-8',
    };
    if (region !== '') headers['Ocp-Apim-Subscription-Region'] = region;
    const query = new URLSearchParams({ 'api-version': '3.0', from, to, textType: 'plain' });
    const response = await fetchOrThrow(`${joinUrl(endpoint, 'translate')}?${query.toString()}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(texts.map((text) => ({ Text: text }))),
      signal: withTimeout(options.signal),
    });
    if (!response.ok) throw await failure(response, apiKey);
    const json = await readJson(response);
    if (!Array.isArray(json)) {
      throw new ProviderError('bad-response', 'Azure did not answer with a list.', {
        status: response.status,
      });
    }
    const out: string[] = [];
    for (const item of json as unknown[]) {
      const first =
        isObject(item) && Array.isArray(item.translations)
          ? (item.translations as unknown[])[0]
          : undefined;
      if (!isObject(first) || typeof first.text !== 'string') {
        throw new ProviderError(
          'bad-response',
          'Azure answered an item without translations[0].text.',
          {
            status: response.status,
          },
        );
      }
      out.push(first.text);
    }
    if (out.length !== texts.length) {
      throw new ProviderError(
        'bad-response',
        `Azure returned ${out.length} translations for ${texts.length}.`,
        { status: response.status },
      );
    }
    return out;
  }

  return {
    id: 'azure',
    // Far below the 1,000 elements / 50,000 characters Azure allows: a large request is answered
    // only when all of it is done, and smaller ones let the first paragraphs appear sooner. The
    // service scales, so four requests in flight.
    limits: { maxTextsPerRequest: 100, maxCharsPerRequest: 10_000, maxConcurrency: 4 },
    cacheIdentity: `azure-v3@${endpoint}`,
    listPairs,
    translate,
  };
}

function kindFor(status: number, code: number | undefined): ProviderErrorKind {
  if (status === 401) return 'auth';
  // 403001: the free tier's monthly characters are used up. Other 403s refuse the key.
  if (status === 403) return code === 403001 ? 'quota' : 'auth';
  if (status === 400) {
    return code === 400035 || code === 400036 ? 'unsupported-pair' : 'invalid-request';
  }
  if (status === 404 || status === 413) return 'invalid-request';
  return kindForStatus(status);
}

async function failure(response: Response, apiKey: string): Promise<ProviderError> {
  const { status } = response;
  const json = await readJson(response).catch(() => null);
  const error = isObject(json) && isObject(json.error) ? json.error : {};
  const code = Number(error.code);
  const raw = typeof error.message === 'string' ? error.message : `HTTP ${status}`;
  const message = apiKey === '' ? raw : raw.split(apiKey).join('…');
  return new ProviderError(kindFor(status, Number.isFinite(code) ? code : undefined), message, {
    status,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}
