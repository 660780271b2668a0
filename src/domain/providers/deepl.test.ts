// @vitest-environment node
// Node's own fetch, AbortSignal and DOMException belong together, as in a browser; jsdom swaps in
// its own AbortSignal and DOMException, which Node's fetch does not produce.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeepLProvider, fromDeepLCode, toDeepLSource, toDeepLTarget } from './deepl';
import { ProviderError } from './types';

const PROXY = 'https://proxy.test/deepl';
const KEY = 'deepl-secret:fx';
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

function provider(endpoint = PROXY) {
  return createDeepLProvider({ endpoint, apiKey: KEY });
}

function answerTranslate(resolver: Parameters<typeof http.post>[1]) {
  server.use(http.post(`${PROXY}/v2/translate`, resolver));
}

describe('DeepL codes', () => {
  it('maps BCP 47 to DeepL codes and back', () => {
    expect(toDeepLSource('en-US')).toBe('EN');
    expect(toDeepLSource('zh-Hant')).toBe('ZH');
    expect(toDeepLTarget('es')).toBe('ES');
    expect(toDeepLTarget('en-GB')).toBe('EN-GB');
    expect(toDeepLTarget('en-US')).toBe('EN-US');
    expect(toDeepLTarget('pt-BR')).toBe('PT-BR');
    expect(toDeepLTarget('zh-Hans')).toBe('ZH-HANS');
    expect(toDeepLTarget('zh-TW')).toBe('ZH-HANT');
    expect(toDeepLTarget('de-AT')).toBe('DE');
    expect(fromDeepLCode('EN-GB')).toBe('en-GB');
    expect(fromDeepLCode('ZH-HANS')).toBe('zh-Hans');
    expect(fromDeepLCode('ES-419')).toBe('es-419');
    expect(fromDeepLCode('NB')).toBe('nb');
  });
});

describe('DeepL wire format', () => {
  it('posts all texts as one text array with DeepL codes and the key in the header', async () => {
    const seen: { url: string; method: string; auth: string | null; type: string | null }[] = [];
    let body: unknown;
    answerTranslate(async ({ request }) => {
      seen.push({
        url: request.url,
        method: request.method,
        auth: request.headers.get('authorization'),
        type: request.headers.get('content-type'),
      });
      body = await request.json();
      return HttpResponse.json({
        translations: [
          { detected_source_language: 'EN', text: 'Hallo.' },
          { detected_source_language: 'EN', text: 'Tschüss.' },
        ],
      });
    });
    await expect(provider(`${PROXY}/`).translate(['Hello.', 'Bye.'], 'en', 'de')).resolves.toEqual([
      'Hallo.',
      'Tschüss.',
    ]);
    expect(seen).toEqual([
      {
        url: `${PROXY}/v2/translate`,
        method: 'POST',
        auth: `DeepL-Auth-Key ${KEY}`,
        type: 'application/json',
      },
    ]);
    expect(seen[0]!.url).not.toContain(KEY);
    expect(body).toEqual({ text: ['Hello.', 'Bye.'], source_lang: 'EN', target_lang: 'DE' });
  });

  it('sends regional targets as DeepL variants and accepts an endpoint ending in /v2', async () => {
    let body: unknown;
    answerTranslate(async ({ request }) => {
      body = await request.json();
      return HttpResponse.json({ translations: [{ detected_source_language: 'DE', text: 'Hi' }] });
    });
    await provider(`${PROXY}/v2`).translate(['Hallo'], 'de', 'en-GB');
    expect(body).toMatchObject({ source_lang: 'DE', target_lang: 'EN-GB' });
  });

  it('passes empty items through for the queue to judge', async () => {
    answerTranslate(() =>
      HttpResponse.json({
        translations: [
          { detected_source_language: 'EN', text: 'Uno' },
          { detected_source_language: 'EN', text: '' },
        ],
      }),
    );
    await expect(provider().translate(['One', 'Two'], 'en', 'es')).resolves.toEqual(['Uno', '']);
  });

  it('refuses to run without a proxy address or a key, before any request', async () => {
    await expect(
      createDeepLProvider({ apiKey: KEY }).translate(['x'], 'en', 'de'),
    ).rejects.toMatchObject({ kind: 'invalid-request' });
    await expect(
      createDeepLProvider({ endpoint: PROXY }).translate(['x'], 'en', 'de'),
    ).rejects.toMatchObject({ kind: 'auth' });
  });

  it('names the endpoint but never the key in its cache identity', () => {
    expect(provider().cacheIdentity).toContain('proxy.test/deepl');
    expect(provider().cacheIdentity).not.toContain(KEY);
  });
});

describe('DeepL failures', () => {
  it.each([
    [403, { message: 'Wrong endpoint. Use https://api-free.deepl.com' }, 'auth'],
    [456, { message: 'Quota exceeded' }, 'quota'],
    [429, { message: 'Too many requests' }, 'rate-limited'],
    [529, { message: 'Too many requests' }, 'rate-limited'],
    [413, { message: 'Request Entity Too Large' }, 'invalid-request'],
    [400, { message: "Value for 'target_lang' not supported." }, 'unsupported-pair'],
    [400, { message: 'Bad request' }, 'invalid-request'],
    [500, { message: 'Internal error' }, 'server'],
    [503, '<html>Service Unavailable</html>', 'server'],
  ] as const)('maps %i %j to %s', async (status, body, kind) => {
    answerTranslate(() =>
      typeof body === 'string'
        ? new HttpResponse(body, { status })
        : HttpResponse.json(body, { status }),
    );
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({ kind, status });
  });

  it('never repeats the key in an error message', async () => {
    answerTranslate(() => HttpResponse.json({ message: `Bad key ${KEY}` }, { status: 403 }));
    const error = await rejection(provider().translate(['x'], 'en', 'de'));
    expect(error).toMatchObject({ kind: 'auth' });
    expect(error.message).not.toContain(KEY);
  });

  it('reads Retry-After in seconds and as an HTTP date', async () => {
    answerTranslate(() =>
      HttpResponse.json({ message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '3' } }),
    );
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3000,
    });
    const date = new Date(Date.now() + 60_000).toUTCString();
    answerTranslate(() =>
      HttpResponse.json(
        { message: 'Slow down' },
        { status: 529, headers: { 'Retry-After': date } },
      ),
    );
    const error = await rejection(provider().translate(['x'], 'en', 'de'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBeGreaterThan(40_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('leaves retryAfterMs unset without Retry-After', async () => {
    answerTranslate(() => HttpResponse.json({ message: 'Slow down' }, { status: 429 }));
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: undefined,
    });
  });

  it('rejects malformed JSON, a wrong shape and a wrong count as bad-response', async () => {
    answerTranslate(() => new HttpResponse('{"translations": [{', { status: 200 }));
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() =>
      HttpResponse.json({ translations: [{ detected_source_language: 'EN' }] }),
    );
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerTranslate(() =>
      HttpResponse.json({ translations: [{ detected_source_language: 'EN', text: 'Eins' }] }),
    );
    await expect(provider().translate(['One', 'Two'], 'en', 'de')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('reports an unreachable proxy as network', async () => {
    answerTranslate(() => HttpResponse.error());
    await expect(provider().translate(['x'], 'en', 'de')).rejects.toMatchObject({
      kind: 'network',
    });
  });

  it('reports a cancelled request as aborted and a caller deadline as timeout', async () => {
    answerTranslate(async () => {
      await delay('infinite');
      return HttpResponse.json({ translations: [] });
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

describe('DeepL languages', () => {
  it('crosses source and target languages, asked with the key header', async () => {
    const auth: (string | null)[] = [];
    server.use(
      http.get(`${PROXY}/v2/languages`, ({ request }) => {
        auth.push(request.headers.get('authorization'));
        const type = new URL(request.url).searchParams.get('type');
        if (type === 'source') {
          return HttpResponse.json([
            { language: 'EN', name: 'English' },
            { language: 'DE', name: 'German' },
          ]);
        }
        if (type === 'target') {
          return HttpResponse.json([
            { language: 'DE', name: 'German', supports_formality: true },
            { language: 'EN-GB', name: 'English (British)', supports_formality: false },
            { language: 'ZH-HANS', name: 'Chinese (simplified)', supports_formality: false },
          ]);
        }
        return HttpResponse.json({ message: 'bad type' }, { status: 400 });
      }),
    );
    await expect(provider().listPairs()).resolves.toEqual([
      { from: 'en', to: 'de' },
      { from: 'en', to: 'zh-Hans' },
      { from: 'de', to: 'en-GB' },
      { from: 'de', to: 'zh-Hans' },
    ]);
    expect(auth).toEqual([`DeepL-Auth-Key ${KEY}`, `DeepL-Auth-Key ${KEY}`]);
  });

  it('maps a refused key on the language list to auth', async () => {
    server.use(
      http.get(`${PROXY}/v2/languages`, () =>
        HttpResponse.json({ message: 'Forbidden' }, { status: 403 }),
      ),
    );
    await expect(provider().listPairs()).rejects.toMatchObject({ kind: 'auth' });
  });
});
