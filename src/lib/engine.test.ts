import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ProviderError, type TranslationProvider } from '../domain/providers/types';
import { segmentTranslationQuery } from './engine';

function engine(id: string, answer: (texts: readonly string[]) => Promise<string[]>) {
  const calls = vi.fn((texts: readonly string[]) => answer(texts));
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
