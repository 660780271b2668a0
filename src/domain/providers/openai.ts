/**
 * OpenAI-compatible chat completions (`POST /v1/chat/completions`), spoken by OpenAI itself and by
 * local servers: Ollama, llama.cpp's server, vLLM, LM Studio.
 *
 * - a language model has no batch API, so the texts travel as a JSON array in the user message and
 *   the model is asked for `{"translations": [...]}` of the same length. Models merge, split, skip
 *   or blank items, so the count and every item are checked; a mismatch fails the whole request
 *   rather than misaligning paragraphs;
 * - `temperature: 0` keeps answers literal and repeatable, so a cached translation is the one the
 *   model would give again;
 * - `response_format: {type: "json_object"}` makes most servers emit valid JSON. Some servers or
 *   models refuse it with a 400; that request is sent once more without it, and later requests
 *   leave it out (see `jsonMode`);
 * - some models wrap the JSON in code fences or put their reasoning in `<think>…</think>` first;
 *   both are stripped before parsing;
 * - the key, when there is one, goes only in `Authorization: Bearer`. Local servers need none;
 * - the prompt is part of the wire format, so it lives here, and its version is part of
 *   `cacheIdentity` together with the endpoint and the model.
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

/** Ollama's default address; any OpenAI-compatible server works. */
export const OPENAI_DEFAULT_ENDPOINT = 'http://localhost:11434';

/** Bumped whenever the prompt changes, so cached translations from the old prompt are not reused. */
const PROMPT_VERSION = 1;

/**
 * A language model has no list of pairs. These are languages that current general-purpose models
 * (and the small local ones people run) translate reasonably well; every one is offered to every
 * other.
 */
export const OPENAI_LANGUAGES: readonly string[] = (
  'ar bg bn ca cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv ms nb nl pl pt ro ru sk ' +
  'sl sr sv sw th tl tr uk ur vi zh-Hans zh-Hant'
).split(' ');

/** `es` → `Spanish (es)`: models follow a language name better than a bare code. */
function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

export function systemPrompt(from: string, to: string, count: number): string {
  return [
    `You are a translation engine. The user message is a JSON array of ${count} texts in ${languageName(from)}.`,
    `Translate each text into ${languageName(to)}.`,
    `Answer with only a JSON object of the form {"translations": ["…"]} holding exactly ${count} strings:`,
    'the translation of each text, in the same order. Never merge, split, skip or comment on texts.',
    'Keep numbers, URLs, e-mail addresses, code and line breaks as they are.',
  ].join(' ');
}

export function createOpenAIProvider(settings: ProviderSettings = {}): TranslationProvider {
  // Accept the address with or without the `/v1` the paths below add.
  const endpoint = ((settings.endpoint?.trim() ?? '') || OPENAI_DEFAULT_ENDPOINT)
    .replace(/\/+$/, '')
    .replace(/\/v1$/, '');
  const model = settings.model?.trim() ?? '';
  const apiKey = settings.apiKey?.trim() ?? '';
  /**
   * Whether to ask for `response_format: json_object`. It starts on and turns off for good the
   * first time the server refuses it, so only that one request is sent twice.
   */
  let jsonMode = true;

  function headers(json: boolean): Record<string, string> {
    const out: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
    if (apiKey !== '') out.Authorization = `Bearer ${apiKey}`;
    return out;
  }

  /**
   * Asks the server for its models, which proves it is there and takes the key, then offers the
   * fixed language list. A server without the listing (404) is still usable.
   */
  async function listPairs(options: TranslateOptions = {}): Promise<LanguagePair[]> {
    const response = await fetchOrThrow(joinUrl(endpoint, 'v1/models'), {
      headers: headers(false),
      signal: withTimeout(options.signal, 15_000),
    });
    if (!response.ok && response.status !== 404) throw await failure(response, apiKey);
    return OPENAI_LANGUAGES.flatMap((from) =>
      OPENAI_LANGUAGES.filter((to) => to !== from).map((to) => ({ from, to })),
    );
  }

  function send(
    texts: readonly string[],
    from: string,
    to: string,
    signal: AbortSignal,
  ): Promise<Response> {
    const body: Record<string, unknown> = {
      model,
      temperature: 0,
      messages: [
        { role: 'system', content: systemPrompt(from, to, texts.length) },
        { role: 'user', content: JSON.stringify(texts) },
      ],
    };
    if (jsonMode) body.response_format = { type: 'json_object' };
    return fetchOrThrow(joinUrl(endpoint, 'v1/chat/completions'), {
      method: 'POST',
      headers: headers(true),
      body: JSON.stringify(body),
      signal,
    });
  }

  async function translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    if (texts.length === 0) return [];
    if (model === '') throw new ProviderError('invalid-request', 'No model is set.');
    const signal = withTimeout(options.signal);
    let response = await send(texts, from, to, signal);
    if (!response.ok) {
      const error = await failure(response, apiKey);
      if (!(jsonMode && response.status === 400 && refusesJsonMode(error.message))) throw error;
      jsonMode = false;
      response = await send(texts, from, to, signal);
      if (!response.ok) throw await failure(response, apiKey);
    }
    return parseTranslations(await readJson(response), texts, response.status);
  }

  return {
    id: 'openai',
    // Small batches: the more items in one prompt, the likelier a model merges or drops one, and
    // one bad item fails the whole batch. 3,000 characters keeps the prompt and the answer well
    // inside small local models' context. A local GPU serves one or two requests at a time.
    limits: { maxTextsPerRequest: 20, maxCharsPerRequest: 3000, maxConcurrency: 2 },
    cacheIdentity: `openai-chat:p${PROMPT_VERSION}@${endpoint}#${model}`,
    listPairs,
    translate,
  };
}

/** Whether a 400 is about `response_format` rather than the request as a whole. */
function refusesJsonMode(message: string): boolean {
  return /response_format|json_object|json_schema|json mode/i.test(message);
}

/** Drops reasoning blocks and a surrounding code fence so the JSON itself remains. */
export function unwrapContent(content: string): string {
  let text = content.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  const fenced = /^```[a-z]*\s*\n?([\s\S]*?)\n?\s*```$/i.exec(text);
  if (fenced) text = (fenced[1] ?? '').trim();
  return text;
}

function parseTranslations(json: unknown, texts: readonly string[], status: number): string[] {
  const bad = (message: string) => new ProviderError('bad-response', message, { status });
  const choice =
    isObject(json) && Array.isArray(json.choices) ? (json.choices as unknown[])[0] : undefined;
  const message = isObject(choice) ? choice.message : undefined;
  const content = isObject(message) ? message.content : undefined;
  if (typeof content !== 'string')
    throw bad('The model answered without choices[0].message.content.');
  if (isObject(choice) && choice.finish_reason === 'length') {
    throw bad('The model stopped before finishing its answer.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(unwrapContent(content)) as unknown;
  } catch (error) {
    throw new ProviderError('bad-response', 'The model did not answer with JSON.', {
      status,
      cause: error,
    });
  }
  // Without JSON mode a model sometimes answers with the bare array; the count check still holds.
  const list = Array.isArray(parsed)
    ? (parsed as unknown[])
    : isObject(parsed) && Array.isArray(parsed.translations)
      ? (parsed.translations as unknown[])
      : undefined;
  if (!list) throw bad('The model answered without a translations array.');
  if (!list.every((item): item is string => typeof item === 'string')) {
    throw bad('The model answered a translation that is not a string.');
  }
  if (list.length !== texts.length) {
    throw bad(`The model returned ${list.length} translations for ${texts.length}.`);
  }
  if (list.some((item, index) => item.trim() === '' && (texts[index] ?? '').trim() !== '')) {
    throw new ProviderError('empty-result', 'The model left a translation empty.', { status });
  }
  return list;
}

function kindFor(status: number, quotaSpent: boolean): ProviderErrorKind {
  // OpenAI answers a used-up balance with 429 too; only the code tells it from a rate limit.
  if (status === 429) return quotaSpent ? 'quota' : 'rate-limited';
  // 404 is an unknown model (Ollama: "model not found, try pulling it first").
  if (status === 400 || status === 404 || status === 413 || status === 422)
    return 'invalid-request';
  return kindForStatus(status);
}

async function failure(response: Response, apiKey: string): Promise<ProviderError> {
  const { status } = response;
  const json = await readJson(response).catch(() => null);
  // OpenAI and most servers send {error: {message, type, code}}; some send {error: "…"}.
  const error = isObject(json) ? json.error : undefined;
  const raw =
    typeof error === 'string'
      ? error
      : isObject(error) && typeof error.message === 'string'
        ? error.message
        : `HTTP ${status}`;
  const quotaSpent =
    isObject(error) && (error.code === 'insufficient_quota' || error.type === 'insufficient_quota');
  const message = apiKey === '' ? raw : raw.split(apiKey).join('…');
  return new ProviderError(kindFor(status, quotaSpent), message, {
    status,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}
