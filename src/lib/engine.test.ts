import { hashKey, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ProviderError, type TranslationProvider } from '../domain/providers/types';
import { isDocumentWorking } from './document-work';
import {
  segmentTranslationQuery,
  translateSegments,
  type DocumentSegment,
  type SegmentTranslationInput,
} from './engine';

function engine(id: string, answer: (texts: readonly string[]) => Promise<string[]>) {
  const calls = vi.fn<TranslationProvider['translate']>((texts) => answer(texts));
  const provider: TranslationProvider = {
    id,
    cacheIdentity: `${id}@test`,
    limits: { maxTextsPerRequest: 10, maxCharsPerRequest: 1000, maxConcurrency: 1 },
    listPairs: () => Promise.resolve([{ from: 'en', to: 'es' }]),
    translate: calls,
  };
  return Object.assign(provider, { calls });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('segment translation with a fallback engine', () => {
  it('asks the fallback when the main engine fails, labels and caches the answer as the fallback’s', async () => {
    const main = engine('main-1', () =>
      Promise.reject(new ProviderError('bad-response', 'garbled')),
    );
    const backup = engine('backup-1', (texts) => Promise.resolve(texts.map((t) => `ES: ${t}`)));
    const input = {
      provider: main,
      from: 'en',
      to: 'es',
      text: 'The ferry leaves at noon.',
      fallback: { provider: backup, from: 'en', to: 'es' },
    };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const first = await client.query(segmentTranslationQuery(input));
    expect(first).toEqual({
      text: 'ES: The ferry leaves at noon.',
      provider: 'backup-1',
      cacheIdentity: 'backup-1@test',
      createdAt: expect.any(Number) as number,
    });
    await settle();

    // A fresh client (a reload): the persistent cache answers; neither engine is asked again.
    const again = await new QueryClient().query(segmentTranslationQuery(input));
    expect(again).toEqual(first);
    expect(main.calls).toHaveBeenCalledTimes(1);
    expect(backup.calls).toHaveBeenCalledTimes(1);
  });

  it('never caches a failure: the next attempt asks again', async () => {
    let fail = true;
    const main = engine('main-2', (texts) =>
      fail
        ? Promise.reject(new ProviderError('unsupported-pair', 'no'))
        : Promise.resolve(texts.map((t) => `ES: ${t}`)),
    );
    const input = { provider: main, from: 'en', to: 'es', text: 'The ferry leaves at noon.' };
    await expect(new QueryClient().query(segmentTranslationQuery(input))).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
    await settle();
    fail = false;
    await expect(new QueryClient().query(segmentTranslationQuery(input))).resolves.toMatchObject({
      text: 'ES: The ferry leaves at noon.',
      provider: 'main-2',
    });
  });
});

function documentOf(inputs: SegmentTranslationInput[]): DocumentSegment[] {
  return inputs.map((input) => {
    const options = segmentTranslationQuery(input);
    return { input, options, hash: hashKey(options.queryKey) };
  });
}

const texts = ['The ferry leaves at noon.', 'The market opens early.', 'Rain is expected tonight.'];

describe('translating a document in one run', () => {
  it('fills every segment’s query from packed requests, without a fetch per segment', async () => {
    const main = engine('doc-1', (batch) => Promise.resolve(batch.map((t) => `ES: ${t}`)));
    const segments = documentOf(
      texts.map((text) => ({ provider: main, from: 'en', to: 'es', text })),
    );
    const client = new QueryClient();
    const fetches = vi.fn();
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'fetch') fetches();
    });
    const asked = vi.fn();
    const run = translateSegments(client, segments, new AbortController().signal, asked);
    // On its way from the start, though no query of theirs is fetching.
    expect(segments.map((s) => isDocumentWorking(s.hash))).toEqual([true, true, true]);
    await run;
    expect(asked).toHaveBeenCalledTimes(1);
    unsubscribe();
    expect(main.calls).toHaveBeenCalledTimes(1);
    expect(main.calls.mock.calls[0]?.[0]).toEqual(texts);
    expect(segments.map((s) => client.getQueryData(s.options.queryKey)?.text)).toEqual(
      texts.map((t) => `ES: ${t}`),
    );
    expect(segments.map((s) => isDocumentWorking(s.hash))).toEqual([false, false, false]);
    expect(fetches).not.toHaveBeenCalled();
    await settle();

    // Reopened (a fresh client): the persistent cache answers, the engine is not asked again.
    const again = new QueryClient();
    await translateSegments(again, segments, new AbortController().signal);
    expect(segments.map((s) => again.getQueryData(s.options.queryKey)?.text)).toEqual(
      texts.map((t) => `ES: ${t}`),
    );
    expect(main.calls).toHaveBeenCalledTimes(1);
  });

  it('leaves a segment that already has its translation, or is fetching it, to its own query', async () => {
    const main = engine('doc-2', (batch) => Promise.resolve(batch.map((t) => `ES: ${t}`)));
    const segments = documentOf(
      texts.map((text) => ({ provider: main, from: 'en', to: 'es', text })),
    );
    const client = new QueryClient();
    const [done, fetching] = segments;
    const kept = { text: 'ya traducido', provider: 'doc-2', cacheIdentity: 'x', createdAt: 1 };
    client.setQueryData(done!.options.queryKey, kept);
    const own = client.query(fetching!.options);
    await translateSegments(client, segments, new AbortController().signal);
    await own;
    expect(client.getQueryData(done!.options.queryKey)).toBe(kept);
    // The fetching segment's text went out once (its own fetch), the translated one not at all.
    expect(main.calls.mock.calls.flatMap(([batch]) => batch)).toEqual([texts[1], texts[2]]);
    expect(client.getQueryData(segments[2]!.options.queryKey)?.text).toBe(`ES: ${texts[2]}`);
  });

  it('leaves a failed text in the error state its own fetch would have left, and asks a fallback first', async () => {
    const main = engine('doc-3', (batch) =>
      batch.some((t) => t.startsWith('Rain'))
        ? Promise.reject(new ProviderError('unsupported-pair', 'no'))
        : Promise.resolve(batch.map((t) => `ES: ${t}`)),
    );
    const alone = documentOf([{ provider: main, from: 'en', to: 'es', text: texts[2]! }]);
    const client = new QueryClient();
    await translateSegments(client, alone, new AbortController().signal);
    const state = client.getQueryState(alone[0]!.options.queryKey);
    expect(state?.status).toBe('error');
    expect(state?.error).toMatchObject({ kind: 'unsupported-pair' });
    expect(isDocumentWorking(alone[0]!.hash)).toBe(false);

    const backup = engine('doc-3b', (batch) => Promise.resolve(batch.map((t) => `CA: ${t}`)));
    const withFallback = documentOf([
      {
        provider: main,
        from: 'en',
        to: 'es',
        text: texts[2]!,
        fallback: { provider: backup, from: 'en', to: 'es' },
      },
    ]);
    await translateSegments(client, withFallback, new AbortController().signal);
    expect(client.getQueryData(withFallback[0]!.options.queryKey)).toMatchObject({
      text: `CA: ${texts[2]}`,
      provider: 'doc-3b',
    });
  });

  it('withdraws what it still waits for when aborted, and leaves those segments untouched', async () => {
    let answer: (value: string[]) => void = () => undefined;
    const main = engine(
      'doc-4',
      () =>
        new Promise<string[]>((resolve) => {
          answer = resolve;
        }),
    );
    const segments = documentOf(
      texts.map((text) => ({ provider: main, from: 'en', to: 'es', text })),
    );
    const client = new QueryClient();
    const controller = new AbortController();
    const run = translateSegments(client, segments, controller.signal);
    await vi.waitFor(() => expect(main.calls).toHaveBeenCalledTimes(1));
    controller.abort();
    await run;
    expect(main.calls.mock.calls[0]?.[3]?.signal?.aborted).toBe(true);
    answer(texts.map((t) => `ES: ${t}`));
    await settle();
    expect(segments.map((s) => client.getQueryState(s.options.queryKey)?.status)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(segments.map((s) => isDocumentWorking(s.hash))).toEqual([false, false, false]);
  });
});

describe('translating a document while offline', () => {
  it('shows what the cache holds, waits once for the network for the rest, then asks for it', async () => {
    const main = engine('doc-5', (batch) => Promise.resolve(batch.map((t) => `ES: ${t}`)));
    const [known, ...rest] = documentOf(
      texts.map((text) => ({ provider: main, from: 'en', to: 'es', text })),
    );
    await translateSegments(new QueryClient(), [known!], new AbortController().signal);
    await settle();
    expect(main.calls).toHaveBeenCalledTimes(1);

    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const client = new QueryClient();
      const asked = vi.fn();
      const run = translateSegments(client, [known!, ...rest], new AbortController().signal, asked);
      await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
      expect(client.getQueryData(known!.options.queryKey)?.text).toBe(`ES: ${texts[0]}`);
      await settle();
      // Nothing asked while offline; the rest is counted as on its way (the status line says
      // it waits for the network), with no query fetching for it.
      expect(main.calls).toHaveBeenCalledTimes(1);
      expect(rest.map((s) => isDocumentWorking(s.hash))).toEqual([true, true]);
      expect(rest.map((s) => client.getQueryState(s.options.queryKey))).toEqual([
        undefined,
        undefined,
      ]);

      online.mockReturnValue(true);
      window.dispatchEvent(new Event('online'));
      await run;
      expect(main.calls).toHaveBeenCalledTimes(2);
      expect(rest.map((s) => client.getQueryData(s.options.queryKey)?.text)).toEqual(
        rest.map((s) => `ES: ${s.input.text}`),
      );
      expect(rest.map((s) => isDocumentWorking(s.hash))).toEqual([false, false]);
    } finally {
      online.mockRestore();
    }
  });
});
