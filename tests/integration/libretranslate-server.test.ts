// @vitest-environment node
/**
 * The LibreTranslate-compatible test server against a real APy (APY_URL, default
 * http://localhost:2737): its wire format, CORS, and each fault it can inject. The end-to-end
 * tests rely on it behaving like LibreTranslate, so that is checked here once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startLibreTranslateServer,
  type LibreTranslateServer,
} from '../servers/libretranslate-server.mjs';

const apyUrl = process.env.APY_URL ?? 'http://localhost:2737';
const KEY = 'test-key-0123';

let server: LibreTranslateServer;

beforeAll(async () => {
  server = await startLibreTranslateServer({ apyUrl, apiKey: KEY });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.setFaults({});
  server.requests.length = 0;
});

async function post(
  body: Record<string, unknown>,
  { form = false }: { form?: boolean } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const init: RequestInit = form
    ? {
        method: 'POST',
        body: new URLSearchParams(body as Record<string, string>),
      }
    : {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      };
  const response = await fetch(`${server.url}/translate`, init);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const english = [
  'The city opened a new tram line.',
  'Prices rose by 5 < 6 & more.',
  'The committee will meet again next week.',
];

describe('LibreTranslate-compatible test server (real APy)', () => {
  it('lists English→Spanish and English→Catalan', async () => {
    const response = await fetch(`${server.url}/languages`);
    expect(response.status).toBe(200);
    const languages = (await response.json()) as {
      code: string;
      name: string;
      targets: string[];
    }[];
    const en = languages.find((language) => language.code === 'en');
    expect(en?.name).toBe('English');
    expect(en?.targets).toEqual(expect.arrayContaining(['es', 'ca']));
  });

  it('describes itself in /frontend/settings', async () => {
    const response = await fetch(`${server.url}/frontend/settings`);
    const settings = (await response.json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ charLimit: 5000, keyRequired: true });
  });

  it('translates an array in order, really, keeping empty items empty', async () => {
    const { status, json } = await post({
      q: [...english, ''],
      source: 'en',
      target: 'es',
      format: 'text',
      api_key: KEY,
    });
    expect(status).toBe(200);
    const translated = json.translatedText as string[];
    expect(translated).toHaveLength(4);
    expect(translated[0]).toMatch(/ciudad/i);
    expect(translated[1]).toContain('5 < 6 &');
    expect(translated[2]).toMatch(/semana/i);
    expect(translated[3]).toBe('');
  });

  it('answers a string with a string, also for form bodies, and detects `auto`', async () => {
    const { status, json } = await post(
      { q: 'The station will reopen in spring.', source: 'auto', target: 'ca', api_key: KEY },
      { form: true },
    );
    expect(status).toBe(200);
    expect(typeof json.translatedText).toBe('string');
    expect(json.translatedText).not.toBe('The station will reopen in spring.');
    expect(json.detectedLanguage).toMatchObject({ language: 'en' });
  });

  it('records each call without the key itself', async () => {
    await post({ q: english, source: 'en', target: 'es', api_key: KEY });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      texts: 3,
      characters: english.join('').length,
      apiKey: true,
      status: 200,
    });
    expect(JSON.stringify(server.requests)).not.toContain(KEY);
  });

  it('answers errors as {error} with LibreTranslate statuses', async () => {
    expect(await post({ q: english, source: 'en', target: 'es' })).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/API key/) as unknown },
    });
    expect(await post({ q: english, source: 'en', target: 'es', api_key: 'wrong' })).toEqual({
      status: 403,
      json: { error: 'Invalid API key' },
    });
    expect(await post({ source: 'en', target: 'es', api_key: KEY })).toEqual({
      status: 400,
      json: { error: 'Invalid request: missing q parameter' },
    });
    expect(await post({ q: 'Hello', source: 'en', target: 'ko', api_key: KEY })).toEqual({
      status: 400,
      json: { error: 'ko is not supported' },
    });
    expect(
      await post({ q: 'x'.repeat(5001), source: 'en', target: 'es', api_key: KEY }),
    ).toMatchObject({ status: 400 });
  });

  it('opens CORS, preflights included', async () => {
    const preflight = await fetch(`${server.url}/translate`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:4173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    const error = await post({ q: 'x', source: 'en', target: 'es', api_key: 'wrong' });
    expect(error.status).toBe(403);
  });

  describe('faults', () => {
    it('rateLimitFirst: the first n calls get 429 "Slowdown", then real answers', async () => {
      server.setFaults({ rateLimitFirst: 2 });
      const body = { q: english, source: 'en', target: 'es', api_key: KEY };
      const first = await post(body);
      const second = await post(body);
      const third = await post(body);
      expect(first.status).toBe(429);
      expect(first.json.error).toMatch(/^Slowdown/);
      expect(second.status).toBe(429);
      expect(third.status).toBe(200);
      expect(server.requests.map((request) => request.status)).toEqual([429, 429, 200]);
    });

    it('wrongCount: one translation fewer than texts', async () => {
      server.setFaults({ wrongCount: true });
      const { status, json } = await post({ q: english, source: 'en', target: 'es', api_key: KEY });
      expect(status).toBe(200);
      expect(json.translatedText).toHaveLength(2);
    });

    it('badKey: 403 for every call, even with the right key', async () => {
      server.setFaults({ badKey: true });
      expect(await post({ q: english, source: 'en', target: 'es', api_key: KEY })).toEqual({
        status: 403,
        json: { error: 'Invalid API key' },
      });
    });

    it('emptyItems: every text comes back empty', async () => {
      server.setFaults({ emptyItems: true });
      const { json } = await post({ q: english, source: 'en', target: 'es', api_key: KEY });
      expect(json.translatedText).toEqual(['', '', '']);
    });

    it('status500: the first n calls fail with 500', async () => {
      server.setFaults({ status500: 1 });
      const body = { q: english, source: 'en', target: 'es', api_key: KEY };
      const failed = await post(body);
      expect(failed.status).toBe(500);
      expect(typeof failed.json.error).toBe('string');
      expect((await post(body)).status).toBe(200);
    });

    it('delayMs: answers wait', async () => {
      server.setFaults({ delayMs: 300 });
      const started = performance.now();
      const { status } = await post({ q: 'Hello.', source: 'en', target: 'es', api_key: KEY });
      expect(status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    });
  });
});
