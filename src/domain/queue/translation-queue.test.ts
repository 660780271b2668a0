import { describe, expect, it } from 'vitest';
import { ProviderError, type TranslationProvider } from '../providers/types';
import { TranslationQueue } from './translation-queue';

interface Call {
  texts: string[];
  signal: AbortSignal | undefined;
  resolve: (value: string[]) => void;
  reject: (error: unknown) => void;
}

/** A scripted engine: each request waits until the test answers it. */
function scriptedProvider(
  limits = { maxTextsPerRequest: 3, maxCharsPerRequest: 30, maxConcurrency: 2 },
) {
  const calls: Call[] = [];
  const provider: TranslationProvider = {
    id: 'scripted',
    limits,
    cacheIdentity: 'scripted',
    listPairs: () => Promise.resolve([{ from: 'en', to: 'es' }]),
    translate: (texts, _from, _to, options) =>
      new Promise<string[]>((resolve, reject) => {
        calls.push({ texts: [...texts], signal: options?.signal, resolve, reject });
      }),
  };
  return { provider, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const upper = (call: Call) => call.resolve(call.texts.map((t) => t.toUpperCase()));

describe('TranslationQueue', () => {
  it('packs texts asked for in one task into requests within the limits', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const texts = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
    const results = texts.map((text) => queue.translate(text));
    await tick();
    // Three texts fit the text limit; the concurrency cap is two requests.
    expect(calls.map((c) => c.texts)).toEqual([
      ['alpha', 'beta', 'gamma'],
      ['delta', 'epsilon'],
    ]);
    calls.forEach(upper);
    expect(await Promise.all(results)).toEqual(['ALPHA', 'BETA', 'GAMMA', 'DELTA', 'EPSILON']);
    expect(queue.stats.requests).toBe(2);
  });

  it('respects the character limit and the concurrency cap, sending more as slots free up', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const texts = Array.from({ length: 6 }, (_, i) => `text number ${i}...`); // 17 chars each
    const results = texts.map((text) => queue.translate(text));
    await tick();
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(call.texts.join('').length).toBeLessThanOrEqual(30);
    expect(calls.map((c) => c.texts.length)).toEqual([1, 1]);
    upper(calls[0]!);
    await tick();
    expect(calls).toHaveLength(3);
    upper(calls[1]!);
    upper(calls[2]!);
    await tick();
    calls.slice(3).forEach(upper);
    await tick();
    calls.slice(5).forEach(upper);
    expect(await Promise.all(results)).toHaveLength(6);
    expect(calls).toHaveLength(6);
  });

  it('sends identical texts once and answers every caller', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const results = [queue.translate('same'), queue.translate('same'), queue.translate(' same ')];
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.texts).toEqual(['same']);
    upper(calls[0]!);
    expect(await Promise.all(results)).toEqual(['SAME', 'SAME', 'SAME']);
  });

  it('reports queued and sent states, and forgets answered texts', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 1,
      maxCharsPerRequest: 30,
      maxConcurrency: 1,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const first = queue.translate('one');
    const second = queue.translate('two');
    expect(queue.stateOf('one')).toBe('queued');
    await tick();
    expect(queue.stateOf('one')).toBe('sent');
    expect(queue.stateOf('two')).toBe('queued');
    upper(calls[0]!);
    await first;
    expect(queue.stateOf('one')).toBeUndefined();
    await tick();
    expect(queue.stateOf('two')).toBe('sent');
    upper(calls[1]!);
    await second;
  });

  it('drops an aborted text before it is sent', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const controller = new AbortController();
    const kept = queue.translate('kept');
    const dropped = queue.translate('dropped', { signal: controller.signal });
    controller.abort();
    await expect(dropped).rejects.toThrow();
    await tick();
    expect(calls.map((c) => c.texts)).toEqual([['kept']]);
    upper(calls[0]!);
    await expect(kept).resolves.toBe('KEPT');
  });

  it('aborts a request in flight once every caller has left', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const controller = new AbortController();
    const a = queue.translate('a', { signal: controller.signal });
    const b = queue.translate('b', { signal: controller.signal });
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal?.aborted).toBe(false);
    controller.abort();
    await expect(a).rejects.toThrow();
    await expect(b).rejects.toThrow();
    expect(calls[0]!.signal?.aborted).toBe(true);
  });

  it('keeps a request going while one of its callers still waits', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const controller = new AbortController();
    const leaving = queue.translate('a', { signal: controller.signal });
    const staying = queue.translate('b');
    await tick();
    controller.abort();
    await expect(leaving).rejects.toThrow();
    expect(calls[0]!.signal?.aborted).toBe(false);
    upper(calls[0]!);
    await expect(staying).resolves.toBe('B');
  });

  it('fails every text of a failed request with the engine error', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const results = [queue.translate('x'), queue.translate('y')];
    await tick();
    calls[0]!.reject(new ProviderError('network', 'down'));
    for (const result of results) {
      await expect(result).rejects.toMatchObject({ kind: 'network' });
    }
    expect(queue.stats.failedRequests).toBe(1);
    // A later attempt at the same text makes a new request.
    const again = queue.translate('x');
    await tick();
    expect(calls).toHaveLength(2);
    upper(calls[1]!);
    await expect(again).resolves.toBe('X');
  });

  it('fails only the text that came back empty', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const good = queue.translate('good');
    const empty = queue.translate('empty');
    await tick();
    calls[0]!.resolve(['BUENO', '  ']);
    await expect(good).resolves.toBe('BUENO');
    await expect(empty).rejects.toMatchObject({ kind: 'empty-result' });
  });

  it('never hands out a misaligned answer', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const results = [queue.translate('one'), queue.translate('two')];
    await tick();
    calls[0]!.resolve(['UNO']);
    for (const result of results) {
      await expect(result).rejects.toMatchObject({ kind: 'bad-response' });
    }
  });

  it('splits a text over the character limit at sentences and rejoins the answers', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 10,
      maxCharsPerRequest: 30,
      maxConcurrency: 2,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const text = 'The first sentence is here. The second one follows. A third ends it.';
    const result = queue.translate(text);
    expect(queue.stateOf(text)).toBe('queued');
    await tick();
    // Two pieces go out at once (the concurrency cap); the third follows when a slot frees.
    expect(calls.map((c) => c.texts)).toEqual([
      ['The first sentence is here.'],
      ['The second one follows.'],
    ]);
    calls.forEach(upper);
    await tick();
    expect(calls.map((c) => c.texts)[2]).toEqual(['A third ends it.']);
    upper(calls[2]!);
    await expect(result).resolves.toBe(text.toUpperCase());
  });

  it('rejects everything when disposed', async () => {
    const { provider } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es');
    const pending = queue.translate('x');
    queue.dispose();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await expect(queue.translate('y')).rejects.toMatchObject({ kind: 'aborted' });
  });
});
