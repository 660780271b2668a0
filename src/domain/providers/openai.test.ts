// @vitest-environment node
// Node's own fetch, AbortSignal and DOMException belong together, as in a browser; jsdom swaps in
// its own AbortSignal and DOMException, which Node's fetch does not produce.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createOpenAIProvider,
  OPENAI_DEFAULT_ENDPOINT,
  OPENAI_LANGUAGES,
  unwrapContent,
} from './openai';
import { ProviderError } from './types';

const BASE = 'http://llm.test:8080';
const COMPLETIONS = `${BASE}/v1/chat/completions`;
const KEY = 'sk-openai-secret';
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

function provider(apiKey?: string, endpoint = BASE) {
  return createOpenAIProvider({ endpoint, model: 'qwen2.5:7b', apiKey });
}

/** A chat completion whose message content is `content`. */
function completion(content: string, finishReason = 'stop') {
  return HttpResponse.json({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
  });
}

function translations(items: unknown[]) {
  return completion(JSON.stringify({ translations: items }));
}

function answerChat(resolver: Parameters<typeof http.post>[1]) {
  server.use(http.post(COMPLETIONS, resolver));
}

interface ChatBody {
  model: string;
  temperature: number;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
}

describe('OpenAI-compatible wire format', () => {
  it('sends the texts as a JSON array with the model, temperature 0 and JSON mode', async () => {
    const seen: { url: string; method: string; auth: string | null; body: ChatBody }[] = [];
    answerChat(async ({ request }) => {
      seen.push({
        url: request.url,
        method: request.method,
        auth: request.headers.get('authorization'),
        body: (await request.json()) as ChatBody,
      });
      return translations(['Hola.', 'Adiós.']);
    });
    await expect(provider(KEY).translate(['Hello.', 'Bye.'], 'en', 'es')).resolves.toEqual([
      'Hola.',
      'Adiós.',
    ]);
    expect(seen).toHaveLength(1);
    const [call] = seen;
    expect(call!.url).toBe(COMPLETIONS);
    expect(call!.url).not.toContain(KEY);
    expect(call!.method).toBe('POST');
    expect(call!.auth).toBe(`Bearer ${KEY}`);
    expect(call!.body).toMatchObject({
      model: 'qwen2.5:7b',
      temperature: 0,
      response_format: { type: 'json_object' },
    });
    expect(call!.body.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(JSON.parse(call!.body.messages[1]!.content)).toEqual(['Hello.', 'Bye.']);
    const system = call!.body.messages[0]!.content;
    expect(system).toContain('English (en)');
    expect(system).toContain('Spanish (es)');
    expect(system).toContain('"translations"');
    expect(system).toContain('exactly 2');
  });

  it('accepts an endpoint ending in /v1 and sends no Authorization without a key', async () => {
    let auth: string | null = 'unset';
    answerChat(({ request }) => {
      auth = request.headers.get('authorization');
      return translations(['Hallo']);
    });
    await provider(undefined, `${BASE}/v1/`).translate(['Hello'], 'en', 'de');
    expect(auth).toBeNull();
  });

  it('defaults to Ollama on this computer', () => {
    expect(OPENAI_DEFAULT_ENDPOINT).toBe('http://localhost:11434');
    expect(createOpenAIProvider({ model: 'llama3.2' }).cacheIdentity).toContain(
      'http://localhost:11434',
    );
  });

  it('strips code fences and reasoning around the JSON', async () => {
    expect(unwrapContent('```json\n{"translations": ["a"]}\n```')).toBe('{"translations": ["a"]}');
    expect(unwrapContent('<think>hmm</think>\n{"translations": []}')).toBe('{"translations": []}');
    answerChat(() => completion('```json\n{"translations": ["Hola", "Adiós"]}\n```'));
    await expect(provider().translate(['Hi', 'Bye'], 'en', 'es')).resolves.toEqual([
      'Hola',
      'Adiós',
    ]);
  });

  it('names endpoint and model but never the key in its cache identity', () => {
    const identity = provider(KEY).cacheIdentity;
    expect(identity).toContain('llm.test:8080');
    expect(identity).toContain('qwen2.5:7b');
    expect(identity).not.toContain(KEY);
    expect(createOpenAIProvider({ endpoint: BASE, model: 'other' }).cacheIdentity).not.toBe(
      identity,
    );
  });

  it('refuses to run without a model, before any request', async () => {
    await expect(
      createOpenAIProvider({ endpoint: BASE }).translate(['x'], 'en', 'es'),
    ).rejects.toMatchObject({ kind: 'invalid-request' });
  });
});

describe('OpenAI-compatible answers that are not translations', () => {
  it('rejects a count that does not match', async () => {
    answerChat(() => translations(['Hola y adiós']));
    await expect(provider().translate(['Hello', 'Bye'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('rejects an empty item itself', async () => {
    answerChat(() => translations(['Hola', '  ']));
    await expect(provider().translate(['Hello', 'Bye'], 'en', 'es')).rejects.toMatchObject({
      kind: 'empty-result',
    });
  });

  it('rejects content that is not JSON, not a list or not strings', async () => {
    answerChat(() => completion('Sure! Here is the translation: Hola'));
    await expect(provider().translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerChat(() => completion('{"result": "Hola"}'));
    await expect(provider().translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerChat(() => translations([42]));
    await expect(provider().translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('rejects an answer cut off by the token limit', async () => {
    answerChat(() => completion('{"translations": ["Hola"]}', 'length'));
    await expect(provider().translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('rejects a malformed HTTP body and a body without choices', async () => {
    answerChat(() => new HttpResponse('{"choices": [', { status: 200 }));
    await expect(provider().translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    answerChat(() => HttpResponse.json({ choices: [] }));
    await expect(provider().translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });
});

describe('OpenAI-compatible response_format fallback', () => {
  it('retries once without response_format when the server refuses it, then leaves it out', async () => {
    const formats: unknown[] = [];
    answerChat(async ({ request }) => {
      const body = (await request.json()) as ChatBody;
      formats.push(body.response_format);
      if (body.response_format) {
        return HttpResponse.json(
          { error: { message: "'response_format.type' must be 'json_schema' or 'text'" } },
          { status: 400 },
        );
      }
      return translations(['Hola']);
    });
    const engine = provider();
    await expect(engine.translate(['Hello'], 'en', 'es')).resolves.toEqual(['Hola']);
    await expect(engine.translate(['Hello'], 'en', 'es')).resolves.toEqual(['Hola']);
    expect(formats).toEqual([{ type: 'json_object' }, undefined, undefined]);
  });

  it('does not retry a 400 about something else', async () => {
    let calls = 0;
    answerChat(() => {
      calls += 1;
      return HttpResponse.json(
        { error: { message: 'maximum context length exceeded', type: 'invalid_request_error' } },
        { status: 400 },
      );
    });
    await expect(provider().translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'invalid-request',
      status: 400,
    });
    expect(calls).toBe(1);
  });
});

describe('OpenAI-compatible failures', () => {
  it.each([
    [
      401,
      {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
      'auth',
    ],
    [
      429,
      {
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      },
      'quota',
    ],
    [
      429,
      {
        error: {
          message: 'Rate limit reached for requests',
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
      },
      'rate-limited',
    ],
    [
      404,
      {
        error: { message: 'model "qwen2.5:7b" not found, try pulling it first', type: 'api_error' },
      },
      'invalid-request',
    ],
    [
      503,
      { error: { message: 'server busy, please try again. maximum pending requests exceeded' } },
      'server',
    ],
    [503, { error: { code: 503, message: 'Loading model', type: 'unavailable_error' } }, 'server'],
    [500, { error: 'internal error' }, 'server'],
  ] as const)('maps %i %j to %s', async (status, body, kind) => {
    answerChat(() => HttpResponse.json(body, { status }));
    await expect(provider(KEY).translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind,
      status,
    });
  });

  it('never repeats the key in an error message', async () => {
    answerChat(() =>
      HttpResponse.json(
        { error: { message: `Incorrect API key provided: ${KEY}` } },
        { status: 401 },
      ),
    );
    const error = await rejection(provider(KEY).translate(['x'], 'en', 'es'));
    expect(error).toMatchObject({ kind: 'auth' });
    expect(error.message).not.toContain(KEY);
  });

  it('reads Retry-After in seconds and as an HTTP date', async () => {
    answerChat(() =>
      HttpResponse.json(
        { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } },
        { status: 429, headers: { 'Retry-After': '20' } },
      ),
    );
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 20_000,
    });
    const date = new Date(Date.now() + 30_000).toUTCString();
    answerChat(() =>
      HttpResponse.json(
        { error: { message: 'Rate limit reached' } },
        { status: 429, headers: { 'Retry-After': date } },
      ),
    );
    const error = await rejection(provider().translate(['x'], 'en', 'es'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBeGreaterThan(15_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('leaves retryAfterMs unset without Retry-After', async () => {
    answerChat(() => HttpResponse.json({ error: { message: 'Slow down' } }, { status: 429 }));
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: undefined,
    });
  });

  it('reports an unreachable server as network', async () => {
    answerChat(() => HttpResponse.error());
    await expect(provider().translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'network',
    });
  });

  it('reports a cancelled request as aborted and a caller deadline as timeout', async () => {
    answerChat(async () => {
      await delay('infinite');
      return translations(['x']);
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

describe('OpenAI-compatible languages', () => {
  it('checks the server with /v1/models and offers the fixed list all to all', async () => {
    const auth: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/v1/models`, ({ request }) => {
        auth.push(request.headers.get('authorization'));
        return HttpResponse.json({ object: 'list', data: [{ id: 'qwen2.5:7b', object: 'model' }] });
      }),
    );
    const pairs = await provider(KEY).listPairs();
    expect(OPENAI_LANGUAGES.length).toBeGreaterThanOrEqual(40);
    expect(pairs).toHaveLength(OPENAI_LANGUAGES.length * (OPENAI_LANGUAGES.length - 1));
    expect(pairs).toEqual(
      expect.arrayContaining([
        { from: 'en', to: 'ko' },
        { from: 'ja', to: 'zh-Hans' },
      ]),
    );
    expect(auth).toEqual([`Bearer ${KEY}`]);
  });

  it('still offers the list when the server has no model listing', async () => {
    server.use(http.get(`${BASE}/v1/models`, () => new HttpResponse('Not Found', { status: 404 })));
    await expect(provider().listPairs()).resolves.not.toHaveLength(0);
  });

  it('reports a refused key and an unreachable server', async () => {
    server.use(
      http.get(`${BASE}/v1/models`, () =>
        HttpResponse.json({ error: { message: 'Incorrect API key' } }, { status: 401 }),
      ),
    );
    await expect(provider(KEY).listPairs()).rejects.toMatchObject({ kind: 'auth' });
    server.use(http.get(`${BASE}/v1/models`, () => HttpResponse.error()));
    await expect(provider().listPairs()).rejects.toMatchObject({ kind: 'network' });
  });
});
