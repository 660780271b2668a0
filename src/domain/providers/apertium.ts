/**
 * Apertium APy (https://wiki.apertium.org/wiki/APy), the local default engine.
 *
 * APy takes one `q` per request and silently drops input past about ten internal chunks, so:
 * - several paragraphs travel in one request as HTML `<p>` blocks (`format=html`) and are split
 *   back out; a count that does not match (the sign of truncation) fails the whole request rather
 *   than misaligning paragraphs;
 * - requests stay near 4,000 characters with two in flight, which measured fastest on two cores
 *   and far below the truncation point;
 * - codes are ISO 639-3 on the wire and BCP 47 everywhere else.
 */
import { apertiumCodeToBcp47, bcp47ToApertiumCode } from '../language/codes';
import { fetchOrThrow, isObject, joinUrl, kindForStatus, readJson, withTimeout } from './http';
import {
  ProviderError,
  type LanguagePair,
  type ProviderSettings,
  type TranslateOptions,
  type TranslationProvider,
} from './types';

export const APERTIUM_DEFAULT_ENDPOINT = 'http://localhost:2737';

export function createApertiumProvider(settings: ProviderSettings = {}): TranslationProvider {
  const endpoint = (settings.endpoint?.trim() ?? '') || APERTIUM_DEFAULT_ENDPOINT;

  async function listPairs(options: TranslateOptions = {}): Promise<LanguagePair[]> {
    const response = await fetchOrThrow(joinUrl(endpoint, 'listPairs'), {
      signal: withTimeout(options.signal, 15_000),
    });
    if (!response.ok)
      throw errorFromResponse(response.status, await readJson(response).catch(() => null));
    return parsePairs(await readJson(response));
  }

  async function translate(
    texts: readonly string[],
    from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    if (texts.length === 0) return [];
    const body = new URLSearchParams({
      langpair: `${bcp47ToApertiumCode(from)}|${bcp47ToApertiumCode(to)}`,
      q: texts.map((text) => `<p>${escapeHtml(text)}</p>`).join(''),
      format: 'html',
      markUnknown: 'no',
    });
    const response = await fetchOrThrow(joinUrl(endpoint, 'translate'), {
      method: 'POST',
      body,
      signal: withTimeout(options.signal),
    });
    const json = await readJson(response);
    if (!response.ok) throw errorFromResponse(response.status, json);
    const translated = readTranslatedText(json);
    const parts = splitParagraphs(translated);
    if (parts.length !== texts.length) {
      throw new ProviderError(
        'bad-response',
        `Apertium returned ${parts.length} paragraphs for ${texts.length}; the input was probably truncated.`,
        { status: response.status },
      );
    }
    return parts;
  }

  return {
    id: 'apertium',
    limits: { maxTextsPerRequest: 200, maxCharsPerRequest: 4000, maxConcurrency: 2 },
    cacheIdentity: `apy@${endpoint}`,
    listPairs,
    translate,
  };
}

function parsePairs(json: unknown): LanguagePair[] {
  if (!isObject(json) || !Array.isArray(json.responseData)) {
    throw new ProviderError('bad-response', 'Apertium did not answer /listPairs with a pair list.');
  }
  const pairs: LanguagePair[] = [];
  const seen = new Set<string>();
  for (const entry of json.responseData as unknown[]) {
    if (!isObject(entry)) continue;
    const { sourceLanguage, targetLanguage } = entry;
    if (typeof sourceLanguage !== 'string' || typeof targetLanguage !== 'string') continue;
    const pair = {
      from: apertiumCodeToBcp47(sourceLanguage),
      to: apertiumCodeToBcp47(targetLanguage),
    };
    const key = `${pair.from}|${pair.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(pair);
  }
  return pairs;
}

function readTranslatedText(json: unknown): string {
  if (isObject(json) && isObject(json.responseData)) {
    const text = json.responseData.translatedText;
    if (typeof text === 'string') return text;
  }
  throw new ProviderError('bad-response', 'Apertium answered without translatedText.');
}

function errorFromResponse(status: number, json: unknown): ProviderError {
  const explanation =
    isObject(json) && typeof json.explanation === 'string' ? json.explanation : `HTTP ${status}`;
  if (status === 400 && /pair/i.test(explanation)) {
    return new ProviderError('unsupported-pair', explanation, { status });
  }
  return new ProviderError(kindForStatus(status), explanation, { status });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      return safeCodePoint(Number.parseInt(body.slice(2), 16)) ?? whole;
    }
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : undefined;
}

/**
 * Splits the `<p>…</p>` blocks of an answer back into plain texts. Any markup the engine added
 * inside a block is dropped: the reader shows text, never HTML.
 */
export function splitParagraphs(html: string): string[] {
  const parts: string[] = [];
  const pattern = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p\s*>/gi;
  for (const match of html.matchAll(pattern)) {
    const inner = (match[1] ?? '').replace(/<[^>]*>/g, '');
    parts.push(unescapeHtml(inner).replace(/\s+/g, ' ').trim());
  }
  return parts;
}
