// @vitest-environment node
// Node's own fetch, AbortSignal and DOMException belong together, as in a browser; jsdom swaps in
// its own AbortSignal and DOMException, which Node's fetch does not produce.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AZURE_DEFAULT_ENDPOINT, createAzureProvider } from './azure';
import { ProviderError } from './types';

const TRANSLATE = `${AZURE_DEFAULT_ENDPOINT}/translate`;
const KEY = 'azure-secret-key';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The ProviderError a call rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const outcome = await promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ProviderError);
  return outcome as ProviderError;
}

function provider(region?: string) {
  return createAzureProvider({ apiKey: KEY, region });
}

function answerTranslate(resolver: Parameters<typeof http.post>[1]) {
  server.use(http.post(TRANSLATE, resolver));
}

function azureError(status: number, code: number, message: string) {
  return HttpResponse.json({ error: { code, message } }, { status });
}

describe('Azure v3 wire format', () => {
  it('posts all texts as one [{Text}] array with the pair in the query and the key in headers', async () => {
    const seen: {
      url: string;
      method: string;
      key: string | null;
      region: string | null;
      type: string | null;
    }[] = [];
    let body: unknown;
    answerTranslate(async ({ request }) => {
      seen.push({
        url: request.url,
        method: request.method,
        key: request.headers.get('ocp-apim-subscription-key'),
        region: request.headers.get('ocp-apim-subscription-region'),
        type: request.headers.get('content-type'),
      });
      body = await request.json();
      return HttpResponse.json([
        { translations: [{ text: 'Hallo.', to: 'de' }] },
        { translations: [{ text: 'Tschüss.', to: 'de' }] },
      ]);
    });
    await expect(provider('westeurope').translate(['Hello.', 'Bye.'], 'en', 'de')).resolves.toEqual(
      ['Hallo.', 'Tschüss.'],
    );
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe(TRANSLATE);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'api-version': '3.0',
      from: 'en',
      to: 'de',
      textType: 'plain',
    });
    expect(seen[0]!.url).not.toContain(KEY);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      key: KEY,
      region: 'westeurope',
      type: 'application/json; charset=UTF-8',
    });
    expect(body).toEqual([{ Text: 'Hello.' }, { Text: 'Bye.' }]);
  });

  it('leaves the region header out when no region is set', async () => {
    let region: string | null = 'unset';
    answerTranslate(({ request }) => {
      region = request.headers.get('ocp-apim-subscription-region');
      return HttpResponse.json([{ translations: [{ text: 'Hola', to: 'es' }] }]);
    });
    await provider().translate(['Hi'], 'en', 'es');
    expect(region).toBeNull();
  });

  it('passes empty items through for the queue to judge', async () => {
    answerTranslate(() =>
      HttpResponse.json([
        { translations: [{ text: '', to: 'es' }] },
        { translations: [{ text: 'Dos', to: 'es' }] },
      ]),
    );
    await expect(provider().translate(['One', 'Two'], 'en', 'es')).resolves.toEqual(['', 'Dos']);
  });

  it('refuses to translate without a key', async () => {
    await expect(createAzureProvider({}).translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'auth',
    });
  });

  it('names the endpoint but never the key in its cache identity', () => {
    expect(provider().cacheIdentity).toContain('api.cognitive.microsofttranslator.com');
    expect(provider().cacheIdentity).not.toContain(KEY);
  });
});

describe('Azure v3 failures', () => {
  it.each([
    [
      401,
      401000,
      'The request is not authorized because credentials are missing or invalid.',
      'auth',
    ],
    [
      403,
      403001,
      'The operation is not allowed because the subscription has exceeded its free quota.',
      'quota',
    ],
    [403, 403000, 'The operation is not allowed.', 'auth'],
    [
      429,
      429000,
      'The server rejected the request because the client has exceeded request limits.',
      'rate-limited',
    ],
    [400, 400035, 'The source language is not valid.', 'unsupported-pair'],
    [400, 400036, 'The target language is not valid.', 'unsupported-pair'],
    [400, 400050, 'The input text is too long.', 'invalid-request'],
    [500, 500000, 'An unexpected error occurred.', 'server'],
    [503, 503000, 'Service is temporarily unavailable.', 'server'],
  ] as const)('maps %i / %i to %s', async (status, code, message, kind) => {
    answerTranslate(() => azureError(status, code, message));
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({ kind, status });
  });

  it('maps a 502 without JSON to server', async () => {
    answerTranslate(() => new HttpResponse('<html>Bad gateway</html>', { status: 502 }));
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({ kind: 'server' });
  });

  it('never repeats the key in an error message', async () => {
    answerTranslate(() => azureError(401, 401000, `Key ${KEY} is invalid.`));
    const error = await rejection(provider().translate(['x'], 'en', 'de'));
    expect(error).toMatchObject({ kind: 'auth' });
    expect(error.message).not.toContain(KEY);
  });

  it('reads Retry-After in seconds and as an HTTP date', async () => {
    answerTranslate(() => {
      const response = azureError(429, 429001, 'Too many requests');
      response.headers.set('Retry-After', '12');
      return response;
    });
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 12_000,
    });
    const date = new Date(Date.now() + 45_000).toUTCString();
    answerTranslate(() => {
      const response = azureError(429, 429001, 'Too many requests');
      response.headers.set('Retry-After', date);
      return response;
    });
    const error = await rejection(provider().translate(['x'], 'en', 'de'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBeGreaterThan(30_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(45_000);
  });

  it('leaves retryAfterMs unset without Retry-After', async () => {
    answerTranslate(() => azureError(429, 429000, 'Too many requests'));
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: undefined,
    });
  });

  it('rejects malformed JSON, a wrong shape and a wrong count as bad-response', async () => {
    answerTranslate(() => new HttpResponse('[{"translations": [', { status: 200 }));
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() => HttpResponse.json([{ translations: [] }]));
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() => HttpResponse.json([{ translations: [{ text: 'Eins', to: 'de' }] }]));
    await expect(provider().translate(['One', 'Two'], 'en', 'de')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('reports an unreachable service as network', async () => {
    answerTranslate(() => HttpResponse.error());
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'network',
    });
  });

  it('reports a cancelled request as aborted and a caller deadline as timeout', async () => {
    answerTranslate(async () => {
      await delay('infinite');
      return HttpResponse.json([]);
    });
    const controller = new AbortController();
    const pending = provider().translate(['x'], 'en', 'de', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await expect(
      provider().translate(['x'], 'en', 'de', { signal: AbortSignal.timeout(10) }),
    ).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('Azure v3 languages', () => {
  it('lists the translation scope all to all, without sending the key', async () => {
    const seen: { url: string; key: string | null }[] = [];
    server.use(
      http.get(`${AZURE_DEFAULT_ENDPOINT}/languages`, ({ request }) => {
        seen.push({ url: request.url, key: request.headers.get('ocp-apim-subscription-key') });
        return HttpResponse.json({
          translation: {
            en: { name: 'English', nativeName: 'English', dir: 'ltr' },
            he: { name: 'Hebrew', nativeName: 'עברית', dir: 'rtl' },
            'zh-Hans': { name: 'Chinese Simplified', nativeName: '中文 (简体)', dir: 'ltr' },
          },
        });
      }),
    );
    const pairs = await provider().listPairs();
    expect(pairs).toHaveLength(6);
    expect(pairs).toEqual(
      expect.arrayContaining([
        { from: 'en', to: 'he' },
        { from: 'he', to: 'zh-Hans' },
        { from: 'zh-Hans', to: 'en' },
      ]),
    );
    const url = new URL(seen[0]!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'api-version': '3.0',
      scope: 'translation',
    });
    expect(seen[0]!.key).toBeNull();
  });

  it('rejects an answer without the translation scope', async () => {
    server.use(
      http.get(`${AZURE_DEFAULT_ENDPOINT}/languages`, () => HttpResponse.json({ dictionary: {} })),
    );
    await expect(provider().listPairs()).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
