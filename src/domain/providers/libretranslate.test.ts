// @vitest-environment node
// Node's own fetch, AbortSignal and DOMException belong together, as in a browser; jsdom swaps in
// its own AbortSignal and DOMException, which Node's fetch does not produce.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLibreTranslateProvider } from './libretranslate';
import { ProviderError } from './types';

const BASE = 'http://lt.test:5000';
const KEY = 'lt-secret-key';
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

function provider(apiKey?: string) {
  return createLibreTranslateProvider({ endpoint: `${BASE}/`, apiKey });
}

function answerTranslate(resolver: Parameters<typeof http.post>[1]) {
  server.use(http.post(`${BASE}/translate`, resolver));
}

describe('LibreTranslate wire format', () => {
  it('posts all texts as one JSON q array with the key in the body only', async () => {
    const seen: { url: string; method: string; type: string | null; body: unknown }[] = [];
    answerTranslate(async ({ request }) => {
      seen.push({
        url: request.url,
        method: request.method,
        type: request.headers.get('content-type'),
        body: await request.json(),
      });
      return HttpResponse.json({ translatedText: ['Hola.', 'Adiós.'] });
    });
    await expect(provider(KEY).translate(['Hello.', 'Bye.'], 'en', 'es')).resolves.toEqual([
      'Hola.',
      'Adiós.',
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual({
      url: `${BASE}/translate`,
      method: 'POST',
      type: 'application/json',
      body: { q: ['Hello.', 'Bye.'], source: 'en', target: 'es', format: 'text', api_key: KEY },
    });
    expect(seen[0]!.url).not.toContain(KEY);
  });

  it('leaves api_key out when no key is set', async () => {
    let body: unknown;
    answerTranslate(async ({ request }) => {
      body = await request.json();
      return HttpResponse.json({ translatedText: ['Hallo'] });
    });
    await provider().translate(['Hello'], 'en', 'de');
    expect(body).toEqual({ q: ['Hello'], source: 'en', target: 'de', format: 'text' });
  });

  it('passes empty items through for the queue to judge', async () => {
    answerTranslate(() => HttpResponse.json({ translatedText: ['Uno', ''] }));
    await expect(provider().translate(['One', 'Two'], 'en', 'es')).resolves.toEqual(['Uno', '']);
  });

  it('sends nothing for nothing', async () => {
    await expect(provider().translate([], 'en', 'es')).resolves.toEqual([]);
  });

  it('names the endpoint but never the key in its cache identity', () => {
    const identity = provider(KEY).cacheIdentity;
    expect(identity).toContain('lt.test:5000');
    expect(identity).not.toContain(KEY);
  });
});

describe('LibreTranslate failures', () => {
  it.each([
    [400, { error: 'ko is not supported' }, 'unsupported-pair'],
    [
      400,
      { error: 'Invalid request: request (6000) exceeds text limit (5000)' },
      'invalid-request',
    ],
    [400, { error: 'Visit https://portal.libretranslate.com to get an API key' }, 'auth'],
    [403, { error: 'Invalid API key' }, 'auth'],
    [429, { error: 'Slowdown: 30 per 1 minute' }, 'rate-limited'],
    [500, { error: 'Cannot translate text' }, 'server'],
    [503, 'Service Unavailable', 'server'],
  ] as const)('maps %i %j to %s', async (status, body, kind) => {
    answerTranslate(() =>
      typeof body === 'string'
        ? new HttpResponse(body, { status })
        : HttpResponse.json(body, { status }),
    );
    await expect(provider(KEY).translate(['x'], 'en', 'ko')).rejects.toMatchObject({
      kind,
      status,
    });
  });

  it('never repeats the key in an error message', async () => {
    answerTranslate(() => HttpResponse.json({ error: `Invalid API key ${KEY}` }, { status: 403 }));
    const error = await rejection(provider(KEY).translate(['x'], 'en', 'es'));
    expect(error).toMatchObject({ kind: 'auth' });
    expect(error.message).not.toContain(KEY);
  });

  it('reads Retry-After in seconds and as an HTTP date', async () => {
    answerTranslate(() =>
      HttpResponse.json({ error: 'Slowdown' }, { status: 429, headers: { 'Retry-After': '7' } }),
    );
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 7000,
    });
    const date = new Date(Date.now() + 120_000).toUTCString();
    answerTranslate(() =>
      HttpResponse.json({ error: 'Slowdown' }, { status: 429, headers: { 'Retry-After': date } }),
    );
    const error = await rejection(provider().translate(['x'], 'en', 'es'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('leaves retryAfterMs unset without Retry-After', async () => {
    answerTranslate(() => HttpResponse.json({ error: 'Slowdown' }, { status: 429 }));
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: undefined,
    });
  });

  it('rejects malformed JSON, a wrong shape and a wrong count as bad-response', async () => {
    answerTranslate(() => new HttpResponse('{"translatedText": [', { status: 200 }));
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() => HttpResponse.json({ translatedText: 'Hola' }));
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() => HttpResponse.json({ translatedText: ['Uno'] }));
    await expect(provider().translate(['One', 'Two'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('reports an unreachable server as network', async () => {
    answerTranslate(() => HttpResponse.error());
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'network',
    });
  });

  it('reports a cancelled request as aborted and a caller deadline as timeout', async () => {
    answerTranslate(async () => {
      await delay('infinite');
      return HttpResponse.json({ translatedText: ['x'] });
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

describe('LibreTranslate languages', () => {
  it('lists every source → target the server names', async () => {
    server.use(
      http.get(`${BASE}/languages`, () =>
        HttpResponse.json([
          { code: 'en', name: 'English', targets: ['en', 'es', 'zh-Hans'] },
          { code: 'es', name: 'Spanish', targets: ['en'] },
          { code: 'broken' },
        ]),
      ),
    );
    await expect(provider().listPairs()).resolves.toEqual([
      { from: 'en', to: 'es' },
      { from: 'en', to: 'zh-Hans' },
      { from: 'es', to: 'en' },
    ]);
  });

  it('rejects an answer that is not a list', async () => {
    server.use(http.get(`${BASE}/languages`, () => HttpResponse.json({ error: 'nope' })));
    await expect(provider().listPairs()).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
