// @vitest-environment node
// Node's own fetch, AbortSignal and DOMException belong together, as in a browser; jsdom swaps in
// its own AbortSignal and DOMException, which Node's fetch does not produce.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleProvider, GOOGLE_DEFAULT_ENDPOINT } from './google';
import { ProviderError } from './types';

const TRANSLATE = `${GOOGLE_DEFAULT_ENDPOINT}/language/translate/v2`;
const KEY = 'AIza-google-secret';
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

function provider() {
  return createGoogleProvider({ apiKey: KEY });
}

function answerTranslate(resolver: Parameters<typeof http.post>[1]) {
  server.use(http.post(TRANSLATE, resolver));
}

function googleError(code: number, message: string, reason?: string, detail?: string) {
  return HttpResponse.json(
    {
      error: {
        code,
        message,
        errors: reason ? [{ message, domain: 'global', reason }] : [],
        ...(detail
          ? { details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: detail }] }
          : {}),
      },
    },
    { status: code },
  );
}

describe('Google v2 wire format', () => {
  it('posts all texts as one q array, format text, with the key only in the header', async () => {
    const seen: { url: string; method: string; key: string | null; type: string | null }[] = [];
    let body: unknown;
    answerTranslate(async ({ request }) => {
      seen.push({
        url: request.url,
        method: request.method,
        key: request.headers.get('x-goog-api-key'),
        type: request.headers.get('content-type'),
      });
      body = await request.json();
      return HttpResponse.json({
        data: { translations: [{ translatedText: 'Hola <b>' }, { translatedText: 'Adiós & co' }] },
      });
    });
    await expect(provider().translate(['Hello <b>', 'Bye & co'], 'en', 'es')).resolves.toEqual([
      'Hola <b>',
      'Adiós & co',
    ]);
    expect(seen).toEqual([{ url: TRANSLATE, method: 'POST', key: KEY, type: 'application/json' }]);
    expect(seen[0]!.url).not.toContain('key=');
    expect(body).toEqual({
      q: ['Hello <b>', 'Bye & co'],
      source: 'en',
      target: 'es',
      format: 'text',
    });
  });

  it("uses Google's own codes for Hebrew and a custom endpoint", async () => {
    let body: unknown;
    server.use(
      http.post('https://gw.test/google/language/translate/v2', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ data: { translations: [{ translatedText: 'שלום' }] } });
      }),
    );
    await createGoogleProvider({ endpoint: 'https://gw.test/google/', apiKey: KEY }).translate(
      ['Hello'],
      'en',
      'he',
    );
    expect(body).toMatchObject({ source: 'en', target: 'iw' });
  });

  it('passes empty items through for the queue to judge', async () => {
    answerTranslate(() =>
      HttpResponse.json({
        data: { translations: [{ translatedText: '' }, { translatedText: 'Dos' }] },
      }),
    );
    await expect(provider().translate(['One', 'Two'], 'en', 'es')).resolves.toEqual(['', 'Dos']);
  });

  it('refuses to run without a key', async () => {
    await expect(createGoogleProvider({}).translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'auth',
    });
  });

  it('names the endpoint but never the key in its cache identity', () => {
    expect(provider().cacheIdentity).toContain('translation.googleapis.com');
    expect(provider().cacheIdentity).not.toContain(KEY);
  });
});

describe('Google v2 failures', () => {
  it.each([
    [
      'a bad key sent as 400',
      () =>
        googleError(
          400,
          'API key not valid. Please pass a valid API key.',
          'badRequest',
          'API_KEY_INVALID',
        ),
      'auth',
    ],
    ['a bad key by legacy reason', () => googleError(400, 'Bad key', 'keyInvalid'), 'auth'],
    [
      'a used-up daily quota',
      () => googleError(403, 'Daily Limit Exceeded', 'dailyLimitExceeded'),
      'quota',
    ],
    ['a used-up quota', () => googleError(403, 'Quota Exceeded', 'quotaExceeded'), 'quota'],
    [
      'a per-user rate limit',
      () => googleError(403, 'User Rate Limit Exceeded', 'userRateLimitExceeded'),
      'rate-limited',
    ],
    [
      'a 429 rate limit',
      () => googleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded'),
      'rate-limited',
    ],
    [
      'any other 403',
      () => googleError(403, 'The caller does not have permission', 'forbidden'),
      'auth',
    ],
    [
      'an unknown language',
      () => googleError(400, 'Bad language pair: en|xx', 'badRequest'),
      'unsupported-pair',
    ],
    ['another 400', () => googleError(400, 'Invalid Value', 'invalid'), 'invalid-request'],
    ['a 500', () => googleError(500, 'Internal error', 'backendError'), 'server'],
    [
      'a 503 without JSON',
      () => new HttpResponse('Service Unavailable', { status: 503 }),
      'server',
    ],
  ] as const)('maps %s to %s', async (_name, respond, kind) => {
    answerTranslate(respond);
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({ kind });
  });

  it('never repeats the key in an error message', async () => {
    answerTranslate(() =>
      googleError(400, `API key ${KEY} not valid`, 'badRequest', 'API_KEY_INVALID'),
    );
    const error = await rejection(provider().translate(['x'], 'en', 'es'));
    expect(error).toMatchObject({ kind: 'auth', status: 400 });
    expect(error.message).not.toContain(KEY);
  });

  it('reads Retry-After in seconds and as an HTTP date', async () => {
    answerTranslate(() => {
      const response = googleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded');
      response.headers.set('Retry-After', '30');
      return response;
    });
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 30_000,
    });
    const date = new Date(Date.now() + 90_000).toUTCString();
    answerTranslate(() => {
      const response = googleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded');
      response.headers.set('Retry-After', date);
      return response;
    });
    const error = await rejection(provider().translate(['x'], 'en', 'es'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBeGreaterThan(70_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('leaves retryAfterMs unset without Retry-After', async () => {
    answerTranslate(() => googleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded'));
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: undefined,
    });
  });

  it('rejects malformed JSON, a wrong shape and a wrong count as bad-response', async () => {
    answerTranslate(() => new HttpResponse('{"data": {', { status: 200 }));
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() => HttpResponse.json({ translations: [{ translatedText: 'x' }] }));
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() =>
      HttpResponse.json({ data: { translations: [{ translatedText: 'Uno' }] } }),
    );
    await expect(provider().translate(['One', 'Two'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('reports an unreachable service as network', async () => {
    answerTranslate(() => HttpResponse.error());
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'network',
    });
  });

  it('reports a cancelled request as aborted and a caller deadline as timeout', async () => {
    answerTranslate(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const controller = new AbortController();
    const pending = provider().translate(['x'], 'en', 'es', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await expect(
      provider().translate(['x'], 'en', 'es', { signal: AbortSignal.timeout(10) }),
    ).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('Google v2 languages', () => {
  it('lists every language to every other, asked with the header key', async () => {
    const seen: { url: string; key: string | null }[] = [];
    server.use(
      http.get(`${TRANSLATE}/languages`, ({ request }) => {
        seen.push({ url: request.url, key: request.headers.get('x-goog-api-key') });
        return HttpResponse.json({
          data: {
            languages: [
              { language: 'en', name: 'English' },
              { language: 'iw', name: 'Hebrew' },
              { language: 'zh-TW', name: 'Chinese (Traditional)' },
            ],
          },
        });
      }),
    );
    const pairs = await provider().listPairs();
    expect(pairs).toHaveLength(6);
    expect(pairs).toEqual(
      expect.arrayContaining([
        { from: 'en', to: 'he' },
        { from: 'he', to: 'zh-TW' },
        { from: 'zh-TW', to: 'en' },
      ]),
    );
    expect(seen).toEqual([{ url: `${TRANSLATE}/languages?target=en`, key: KEY }]);
  });

  it('rejects an answer without data.languages', async () => {
    server.use(http.get(`${TRANSLATE}/languages`, () => HttpResponse.json({ languages: [] })));
    await expect(provider().listPairs()).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
