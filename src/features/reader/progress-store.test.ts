import { QueryClient, hashKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markDocumentWork, unmarkDocumentWork } from '../../lib/document-work';
import { PROGRESS_INTERVAL_MS, createProgressStore } from './use-segment-translation';

const keyOf = (i: number) => ['translation', `k${i}`, null] as const;

function setup(total: number) {
  const client = new QueryClient();
  const hashes = new Map<string, number>();
  for (let i = 0; i < total; i++) hashes.set(hashKey(keyOf(i)), 1);
  const store = createProgressStore(client.getQueryCache(), hashes);
  const published: number[] = [];
  const unsubscribe = store.subscribe(() => published.push(store.getSnapshot().translated));
  const translate = (i: number) => client.setQueryData(keyOf(i), { text: `t${i}` });
  return { store, published, unsubscribe, translate };
}

/** A moment later: the next burst of answers. */
const frame = () => vi.advanceTimersByTimeAsync(16);

beforeEach(() => {
  vi.useFakeTimers({
    toFake: [
      'setTimeout',
      'clearTimeout',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'performance',
    ],
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('document progress', () => {
  it('counts the segments, and publishes the first change at once', async () => {
    const { store, published, translate } = setup(10);
    expect(store.getSnapshot()).toEqual({ total: 10, translated: 0, failed: 0, inFlight: 0 });
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    translate(0);
    await frame();
    expect(published).toEqual([1]);
  });

  it('redraws a long run at most once per interval, and its end at once', async () => {
    const { store, published, translate } = setup(10);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    translate(0);
    await frame();
    // Answers in quick succession: counted, not all published.
    for (let i = 1; i < 9; i++) {
      translate(i);
      await frame();
    }
    expect(published.length).toBeLessThan(3);
    expect(published.at(-1)).toBeLessThan(9);

    translate(9);
    await frame();
    expect(store.getSnapshot().translated).toBe(10);
    expect(published.at(-1)).toBe(10);
  });

  it('publishes what a throttled update held back once the interval is over', async () => {
    const { store, translate } = setup(10);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    translate(0);
    await frame();
    translate(1);
    await frame();
    expect(store.getSnapshot().translated).toBe(1);
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(store.getSnapshot().translated).toBe(2);
  });

  it('counts without asking the browser for a frame (a drawn frame costs the engine CPU)', async () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const { published, translate } = setup(10);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    for (let i = 0; i < 5; i++) {
      translate(i);
      await frame();
    }
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(published.at(-1)).toBe(5);
    expect(frames).not.toHaveBeenCalled();
  });

  it('stops listening when unsubscribed', async () => {
    const { published, translate, unsubscribe } = setup(3);
    unsubscribe();
    translate(0);
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS * 2);
    expect(published).toEqual([]);
  });

  it('counts failures and work in flight, and lets go of a text whose query is gone', async () => {
    const client = new QueryClient();
    const hashes = new Map([0, 1, 2].map((i) => [hashKey(keyOf(i)), i === 2 ? 2 : 1]));
    const store = createProgressStore(client.getQueryCache(), hashes);
    store.subscribe(() => undefined);
    let finish: (value: { text: string }) => void = () => undefined;
    const inFlight = client.query({
      queryKey: keyOf(2),
      queryFn: () => new Promise<{ text: string }>((resolve) => (finish = resolve)),
    });
    await client
      .query({ queryKey: keyOf(1), queryFn: () => Promise.reject(new Error('no')), retry: false })
      .catch(() => undefined);
    client.setQueryData(keyOf(0), { text: 't0' });
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(store.getSnapshot()).toEqual({ total: 4, translated: 1, failed: 1, inFlight: 2 });
    finish({ text: 't2' });
    await inFlight;
    client.removeQueries({ queryKey: keyOf(0) });
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(store.getSnapshot()).toEqual({ total: 4, translated: 2, failed: 1, inFlight: 0 });
  });

  it('counts a document run’s texts as in flight, though no query of theirs is fetching', async () => {
    const { store, translate } = setup(3);
    const hashes = [0, 1].map((i) => hashKey(keyOf(i)));
    markDocumentWork(hashes);
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(store.getSnapshot()).toEqual({ total: 3, translated: 0, failed: 0, inFlight: 2 });
    // An answer is written into its query once the run has let go of the text.
    unmarkDocumentWork(hashes[0]!);
    translate(0);
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(store.getSnapshot()).toEqual({ total: 3, translated: 1, failed: 0, inFlight: 1 });
    // Withdrawn (the run was cancelled): neither in flight nor done.
    unmarkDocumentWork(hashes[1]!);
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(store.getSnapshot()).toEqual({ total: 3, translated: 1, failed: 0, inFlight: 0 });
  });

  it('counts what changed before anyone listened', () => {
    const client = new QueryClient();
    const hashes = new Map([0, 1].map((i) => [hashKey(keyOf(i)), 1]));
    const store = createProgressStore(client.getQueryCache(), hashes);
    client.setQueryData(keyOf(1), { text: 't1' });
    store.subscribe(() => undefined);
    expect(store.getSnapshot().translated).toBe(1);
  });

  it('reads only the texts that changed in a burst, not the whole document again', async () => {
    const client = new QueryClient();
    const cache = client.getQueryCache();
    const hashes = new Map(Array.from({ length: 1000 }, (_, i) => [hashKey(keyOf(i)), 1]));
    const store = createProgressStore(cache, hashes);
    store.subscribe(() => undefined);
    const reads = vi.spyOn(cache, 'get');
    for (let i = 0; i < 20; i++) {
      client.setQueryData(keyOf(i), { text: `t${i}` });
      await frame();
    }
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + 32);
    expect(store.getSnapshot().translated).toBe(20);
    // One read per change (setQueryData itself looks its query up too), not 1,000 per burst.
    expect(reads.mock.calls.length).toBeLessThan(100);
  });
});
