import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SegmentTranslation } from '../../lib/engine';
import {
  createShownTranslationsStore,
  SHOWN_TRANSLATIONS_INTERVAL_MS,
} from './use-segment-translation';

function translation(text: string): SegmentTranslation {
  return { text, provider: 'apertium', cacheIdentity: 'local', createdAt: 1 };
}

describe('createShownTranslationsStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads every segment’s translation from the cache and follows new ones in batches', () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const cache = client.getQueryCache();
    client.setQueryData(['translation', 'a'], translation('uno'));
    const hashes = ['["translation","a"]', null, '["translation","b"]', '["translation","c"]'];
    const store = createShownTranslationsStore(cache, hashes);
    expect(store.getSnapshot().map((item) => item?.text)).toEqual([
      'uno',
      undefined,
      undefined,
      undefined,
    ]);

    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    client.setQueryData(['translation', 'b'], translation('dos'));
    client.setQueryData(['translation', 'c'], translation('tres'));
    // Something the document does not show changes nothing.
    client.setQueryData(['translation', 'z'], translation('otro'));
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SHOWN_TRANSLATIONS_INTERVAL_MS);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().map((item) => item?.text)).toEqual([
      'uno',
      undefined,
      'dos',
      'tres',
    ]);

    unsubscribe();
    client.setQueryData(['translation', 'a'], translation('una'));
    vi.advanceTimersByTime(SHOWN_TRANSLATIONS_INTERVAL_MS);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not count a translation being fetched again as shown, as the segment does not show it', async () => {
    const client = new QueryClient();
    const cache = client.getQueryCache();
    client.setQueryData(['translation', 'a'], translation('uno'));
    let finish: (value: SegmentTranslation) => void = () => undefined;
    const refetch = client.query({
      queryKey: ['translation', 'a'],
      queryFn: () =>
        new Promise<SegmentTranslation>((resolve) => {
          finish = resolve;
        }),
      staleTime: 0,
    });
    const store = createShownTranslationsStore(cache, ['["translation","a"]']);
    expect(store.getSnapshot()).toEqual([undefined]);
    finish(translation('una'));
    await refetch;
    const unsubscribe = store.subscribe(() => undefined);
    expect(store.getSnapshot().map((item) => item?.text)).toEqual(['una']);
    unsubscribe();
  });
});
