import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

  it('watches a signal shared by many texts with one listener, and lets go of it once they are answered', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 50,
      maxCharsPerRequest: 1000,
      maxConcurrency: 1,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const texts = Array.from({ length: 40 }, (_, i) => `text ${i}`);
    const results = texts.map((text) => queue.translate(text, { signal: controller.signal }));
    expect(add).toHaveBeenCalledTimes(1);
    await tick();
    upper(calls[0]!);
    expect(await Promise.all(results)).toEqual(texts.map((t) => t.toUpperCase()));
    expect(remove).toHaveBeenCalledTimes(1);
    // Aborting now touches nothing; a text asked for afterwards is watched afresh.
    const late = queue.translate('late', { signal: controller.signal });
    expect(add).toHaveBeenCalledTimes(2);
    controller.abort();
    await expect(late).rejects.toThrow();
    await tick();
    expect(calls).toHaveLength(1);
  });

  it('withdraws every text of a shared signal when it aborts, the answered ones aside', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 2,
      maxCharsPerRequest: 1000,
      maxConcurrency: 1,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const controller = new AbortController();
    const results = ['a', 'b', 'c', 'd'].map((text) =>
      queue.translate(text, { signal: controller.signal }),
    );
    await tick();
    upper(calls[0]!);
    await expect(results[0]).resolves.toBe('A');
    controller.abort();
    await expect(results[2]).rejects.toThrow();
    await expect(results[3]).rejects.toThrow();
    await expect(results[1]).resolves.toBe('B');
    // The request in flight for c and d (sent once a and b were in) is aborted with them.
    expect(calls.map((call) => call.texts)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(calls[1]!.signal?.aborted).toBe(true);
    expect(queue.stateOf('c')).toBeUndefined();
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
    calls[0]!.reject(new ProviderError('unsupported-pair', 'no such pair'));
    for (const result of results) {
      await expect(result).rejects.toMatchObject({ kind: 'unsupported-pair' });
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

describe('TranslationQueue failures over time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const policy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
  // random() = 0.5 makes the jitter factor exactly 1.
  const options = { retry: policy, random: () => 0.5 };

  it('retries a network failure with exponential backoff, then succeeds', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es', options);
    const result = queue.translate('hello');
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(new ProviderError('network', 'down'));
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(1);
    expect(queue.stateOf('hello')).toBe('queued');
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]!.reject(new ProviderError('server', '503'));
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    upper(calls[2]!);
    await expect(result).resolves.toBe('HELLO');
    expect(queue.stats.retries).toBe(2);
  });

  it('gives up after the last attempt with the engine error', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es', options);
    const result = queue.translate('hello');
    const settled = result.catch((error: unknown) => error);
    for (let attempt = 0; attempt < 3; attempt++) {
      await vi.advanceTimersByTimeAsync(1000);
      calls[attempt]!.reject(new ProviderError('timeout', 'slow'));
    }
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(3);
    expect(await settled).toMatchObject({ kind: 'timeout' });
  });

  it('honours Retry-After on a 429 by pausing the whole engine', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 1,
      maxCharsPerRequest: 100,
      maxConcurrency: 2,
    });
    const queue = new TranslationQueue(provider, 'en', 'es', options);
    const a = queue.translate('a');
    const b = queue.translate('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[0]!.reject(
      new ProviderError('rate-limited', 'slow down', { status: 429, retryAfterMs: 2000 }),
    );
    upper(calls[1]!);
    await expect(b).resolves.toBe('B');
    const c = queue.translate('c');
    await vi.advanceTimersByTimeAsync(1999);
    // Neither the retry nor a new text goes out while the engine asked us to wait.
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.slice(2).map((call) => call.texts[0])).toEqual(['a', 'c']);
    calls.slice(2).forEach(upper);
    await expect(a).resolves.toBe('A');
    await expect(c).resolves.toBe('C');
  });

  it('retries a 429 without Retry-After after a backoff', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es', options);
    const result = queue.translate('x');
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(new ProviderError('rate-limited', 'slow down', { status: 429 }));
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(2);
    upper(calls[1]!);
    await expect(result).resolves.toBe('X');
  });

  it('fails at once when Retry-After asks for longer than it is worth waiting', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es', options);
    const result = queue.translate('x');
    const settled = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(
      new ProviderError('rate-limited', 'come back tomorrow', { retryAfterMs: 86_400_000 }),
    );
    expect(await settled).toMatchObject({ kind: 'rate-limited' });
    expect(calls).toHaveLength(1);
  });

  it('halts on a bad key: no retry, everything waiting fails with the one error, nothing more is sent', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 1,
      maxCharsPerRequest: 100,
      maxConcurrency: 2,
    });
    const queue = new TranslationQueue(provider, 'en', 'es', options);
    const results = ['a', 'b', 'c', 'd', 'e'].map((text) =>
      queue.translate(text).catch((error: unknown) => error),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[0]!.reject(new ProviderError('auth', 'bad key', { status: 403 }));
    calls[1]!.reject(new ProviderError('auth', 'bad key', { status: 403 }));
    for (const result of await Promise.all(results)) expect(result).toMatchObject({ kind: 'auth' });
    await expect(queue.translate('f')).rejects.toMatchObject({ kind: 'auth' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    expect(queue.halted?.kind).toBe('auth');

    queue.resume();
    const again = queue.translate('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(3);
    upper(calls[2]!);
    await expect(again).resolves.toBe('A');
  });

  it('halts on an exhausted quota the same way', async () => {
    const { provider, calls } = scriptedProvider();
    const queue = new TranslationQueue(provider, 'en', 'es', options);
    const result = queue.translate('x').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(new ProviderError('quota', 'quota exceeded', { status: 456 }));
    expect(await result).toMatchObject({ kind: 'quota' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });
});

describe('TranslationQueue priorities', () => {
  it('sends what is on screen first, then the rest in reading order', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 2,
      maxCharsPerRequest: 100,
      maxConcurrency: 1,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const texts = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
    texts.forEach((text, index) => queue.prioritize(text, index));
    // The reader scrolled to p4.
    queue.prioritize('p4', -1000);
    const results = texts.map((text) => queue.translate(text));
    await tick();
    // What is on screen goes alone, not filled up with what is not.
    expect(calls.map((c) => c.texts)).toEqual([['p4']]);
    upper(calls[0]!);
    await tick();
    upper(calls[1]!);
    await tick();
    upper(calls[2]!);
    await tick();
    upper(calls[3]!);
    expect(calls.map((c) => c.texts)).toEqual([['p4'], ['p0', 'p1'], ['p2', 'p3'], ['p5']]);
    expect(await Promise.all(results)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5']);
  });

  it('re-ranks texts still waiting when the view moves', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 1,
      maxCharsPerRequest: 100,
      maxConcurrency: 1,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const results = ['p0', 'p1', 'p2'].map((text) => queue.translate(text));
    await tick();
    expect(calls[0]!.texts).toEqual(['p0']);
    const withdraw = queue.prioritize('p2', -5);
    upper(calls[0]!);
    await tick();
    expect(calls[1]!.texts).toEqual(['p2']);
    withdraw();
    upper(calls[1]!);
    await tick();
    upper(calls[2]!);
    expect(await Promise.all(results)).toEqual(['P0', 'P1', 'P2']);
  });

  it('sends in the order of a full sort by priority, then order of asking', async () => {
    // The queue ranks only the texts with a priority and reads the rest in order of asking; the
    // requests must come out as if everything waiting had been sorted for each one.
    const limits = { maxTextsPerRequest: 3, maxCharsPerRequest: 1000, maxConcurrency: 1 };
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 20; round++) {
      const { provider, calls } = scriptedProvider(limits);
      const queue = new TranslationQueue(provider, 'en', 'es');
      const texts = Array.from({ length: 40 }, (_, i) => `t${i}`);
      const priority = new Map<string, number>();
      for (const text of texts) {
        if (random() < 0.3) {
          const value = Math.floor(random() * 80) - 20 - (random() < 0.2 ? 1_000_000 : 0);
          priority.set(text, value);
          queue.prioritize(text, value);
        }
      }
      const results = texts.map((text) => queue.translate(text));
      await tick();
      // The reference: everything waiting sorted at once; on-screen texts (negative) go alone.
      const waiting = texts.map((text, order) => ({
        text,
        order,
        rank: priority.get(text) ?? order,
      }));
      waiting.sort((a, b) => a.rank - b.rank || a.order - b.order);
      const expected: string[][] = [];
      while (waiting.length > 0) {
        const urgent = waiting[0]!.rank < 0;
        const batch: string[] = [];
        while (
          waiting.length > 0 &&
          batch.length < limits.maxTextsPerRequest &&
          !(urgent && waiting[0]!.rank >= 0)
        ) {
          batch.push(waiting.shift()!.text);
        }
        expected.push(batch);
      }
      for (let i = 0; i < expected.length; i++) {
        await tick();
        upper(calls[i]!);
      }
      expect(calls.map((c) => c.texts)).toEqual(expected);
      await Promise.all(results);
    }
  });

  it('ranks the pieces of a long text by the priority given to the whole text', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 5,
      maxCharsPerRequest: 30,
      maxConcurrency: 1,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const long = 'First sentence here. Second sentence here. Third one here.';
    const results = [queue.translate('p0'), queue.translate('p1'), queue.translate(long)];
    queue.prioritize(long, -1);
    await tick();
    expect(calls[0]!.texts.join(' ')).toContain('First sentence');
    for (let i = 0; i < 4; i++) {
      if (calls[i]) upper(calls[i]!);
      await tick();
    }
    expect(calls.at(-1)!.texts).toEqual(['p0', 'p1']);
    await Promise.all(results);
  });
});

describe('checking answers', () => {
  it('refuses prose handed back unchanged, but not a name or a number', async () => {
    const { provider, calls } = scriptedProvider({
      maxTextsPerRequest: 10,
      maxCharsPerRequest: 1000,
      maxConcurrency: 1,
    });
    const queue = new TranslationQueue(provider, 'en', 'es');
    const prose = queue.translate('The council met on Monday.');
    const name = queue.translate('Daniel Whitfield');
    const number = queue.translate('2018');
    await tick();
    calls[0]!.resolve(['The council met on Monday.', 'Daniel Whitfield', '2018']);
    await expect(prose).rejects.toMatchObject({ kind: 'untranslated' });
    await expect(name).resolves.toBe('Daniel Whitfield');
    await expect(number).resolves.toBe('2018');
  });
});
