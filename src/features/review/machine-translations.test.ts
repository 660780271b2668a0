import { QueryClient, hashKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMachineStore } from './machine-translations';

const keyOf = (i: number) => ['translation', `k${i}`, null] as const;
const answer = (text: string) => ({
  text,
  provider: 'apertium',
  cacheIdentity: '',
  createdAt: 1,
});

function setup(total: number) {
  const client = new QueryClient();
  const entries = Array.from({ length: total }, (_, i) => ({
    index: i * 2,
    source: `source ${i}`,
    hash: hashKey(keyOf(i)),
  }));
  const store = createMachineStore(client.getQueryCache(), entries);
  let published = 0;
  const unsubscribe = store.subscribe(() => published++);
  return { client, store, unsubscribe, published: () => published };
}

const frame = () => vi.advanceTimersByTimeAsync(16);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('machine translations store', () => {
  it('starts from what the cache already holds', () => {
    const client = new QueryClient();
    client.setQueryData(keyOf(1), answer('uno'));
    const store = createMachineStore(client.getQueryCache(), [
      { index: 0, source: 'zero', hash: hashKey(keyOf(0)) },
      { index: 1, source: 'one', hash: hashKey(keyOf(1)) },
    ]);
    const { sources } = store.getSnapshot();
    expect(sources.map((row) => row.mt?.text ?? null)).toEqual([null, 'uno']);
    expect(sources[1]).toMatchObject({ index: 1, source: 'one' });
  });

  it('replaces only the rows whose translation arrived, once per frame', async () => {
    const { client, store, published } = setup(1_000);
    const before = store.getSnapshot();
    client.setQueryData(keyOf(10), answer('diez'));
    client.setQueryData(keyOf(500), answer('quinientos'));
    expect(published()).toBe(0);
    await frame();
    expect(published()).toBe(1);
    const after = store.getSnapshot();
    expect(after.sources).not.toBe(before.sources);
    expect(after.sources[10]?.mt?.text).toBe('diez');
    expect(after.sources[500]?.mt?.text).toBe('quinientos');
    expect(after.sources[500]?.index).toBe(1_000);
    const untouched = after.sources.filter((row, i) => row === before.sources[i]);
    expect(untouched).toHaveLength(998);
  });

  it('publishes nothing when an update changes nothing a row shows', async () => {
    const { client, store, published } = setup(3);
    client.setQueryData(keyOf(0), answer('cero'));
    await frame();
    const snapshot = store.getSnapshot();
    client
      .getQueryCache()
      .find({ queryKey: keyOf(0) })
      ?.setState({ dataUpdateCount: 5 });
    await frame();
    expect(store.getSnapshot()).toBe(snapshot);
    expect(published()).toBe(1);
  });

  it('keeps a translation the cache let go of', async () => {
    const { client, store } = setup(2);
    client.setQueryData(keyOf(1), answer('uno'));
    await frame();
    client.removeQueries({ queryKey: keyOf(1) });
    await frame();
    expect(store.getSnapshot().sources[1]?.mt?.text).toBe('uno');
  });

  it('says which rows are on their way, not asked yet counting as on their way', async () => {
    const { client, store } = setup(3);
    client.setQueryData(keyOf(2), answer('dos'));
    let finish: (value: ReturnType<typeof answer>) => void = () => undefined;
    const pending = client.query({
      queryKey: keyOf(0),
      queryFn: () => new Promise<ReturnType<typeof answer>>((resolve) => (finish = resolve)),
    });
    await frame();
    expect(store.getSnapshot().waiting).toEqual([true, true, false]);
    finish(answer('cero'));
    await pending;
    await frame();
    expect(store.getSnapshot().waiting).toEqual([false, true, false]);
    expect(store.getSnapshot().sources[0]?.mt?.text).toBe('cero');
  });

  it('does not call a failed translation on its way', async () => {
    const { client, store } = setup(2);
    await client
      .query({
        queryKey: keyOf(1),
        queryFn: () => Promise.reject(new Error('engine down')),
        retry: false,
      })
      .catch(() => undefined);
    await frame();
    expect(store.getSnapshot().waiting).toEqual([true, false]);
    expect(store.getSnapshot().sources[1]?.mt).toBeNull();
  });
});
