import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHROME_LANGUAGES, createChromeTranslatorProvider } from './chrome-translator';
import type { PairAvailability } from './types';

interface CreateOptions {
  sourceLanguage: string;
  targetLanguage: string;
  signal?: AbortSignal;
  monitor?: (monitor: EventTarget) => void;
}

/**
 * A stand-in for Chrome's global `Translator`: pairs start in the given state, `create` downloads
 * a pair that is not yet available (reporting progress 0, 0.5, 1) and makes it available.
 */
function installFakeTranslator(initial: Record<string, PairAvailability>) {
  const states = new Map(Object.entries(initial));
  const translateCalls: string[] = [];
  const fake = {
    availability: vi.fn(({ sourceLanguage, targetLanguage }: CreateOptions) =>
      Promise.resolve(states.get(`${sourceLanguage}|${targetLanguage}`) ?? 'unavailable'),
    ),
    create: vi.fn((options: CreateOptions) => {
      const key = `${options.sourceLanguage}|${options.targetLanguage}`;
      const state = states.get(key) ?? 'unavailable';
      if (state === 'unavailable') {
        return Promise.reject(new DOMException('Unsupported pair', 'NotSupportedError'));
      }
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      if (state !== 'available') {
        for (const loaded of [0, 0.5, 1]) {
          monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
        }
        states.set(key, 'available');
      }
      return Promise.resolve({
        translate: (text: string, { signal }: { signal?: AbortSignal } = {}) => {
          translateCalls.push(text);
          if (signal?.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
          if (text.length > 40) {
            return Promise.reject(new DOMException('Too long', 'QuotaExceededError'));
          }
          return Promise.resolve(`${options.targetLanguage}:${text}`);
        },
      });
    }),
  };
  vi.stubGlobal('Translator', fake);
  return { fake, translateCalls };
}

describe('Chrome built-in translator', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('translates an available pair one text per call, in order, reusing one translator', async () => {
    const { fake, translateCalls } = installFakeTranslator({ 'en|es': 'available' });
    const provider = createChromeTranslatorProvider();
    await expect(provider.translate(['Hello', 'Bye'], 'en', 'es')).resolves.toEqual([
      'es:Hello',
      'es:Bye',
    ]);
    await expect(provider.translate(['Again'], 'en', 'es')).resolves.toEqual(['es:Again']);
    expect(translateCalls).toEqual(['Hello', 'Bye', 'Again']);
    expect(fake.create).toHaveBeenCalledTimes(1);
    expect(fake.create.mock.calls[0]![0]).toMatchObject({
      sourceLanguage: 'en',
      targetLanguage: 'es',
    });
    expect(provider.limits).toMatchObject({ maxTextsPerRequest: 1, maxConcurrency: 1 });
  });

  it('says not-ready for a downloadable pair until prepare has downloaded it', async () => {
    const { fake } = installFakeTranslator({ 'en|ja': 'downloadable' });
    const provider = createChromeTranslatorProvider();
    await expect(provider.availability!({ from: 'en', to: 'ja' })).resolves.toBe('downloadable');
    await expect(provider.translate(['Hello'], 'en', 'ja')).rejects.toMatchObject({
      kind: 'not-ready',
    });
    expect(fake.create).not.toHaveBeenCalled();

    const progress: number[] = [];
    await provider.prepare!(
      { from: 'en', to: 'ja' },
      { onProgress: (loaded) => progress.push(loaded) },
    );
    expect(progress).toEqual([0, 0.5, 1]);
    expect(fake.create.mock.calls[0]![0].monitor).toBeTypeOf('function');
    await expect(provider.availability!({ from: 'en', to: 'ja' })).resolves.toBe('available');
    await expect(provider.translate(['Hello'], 'en', 'ja')).resolves.toEqual(['ja:Hello']);
    expect(fake.create).toHaveBeenCalledTimes(1);
  });

  it('treats a pair that is downloading like a downloadable one', async () => {
    installFakeTranslator({ 'de|en': 'downloading' });
    await expect(
      createChromeTranslatorProvider().translate(['Hallo'], 'de', 'en'),
    ).rejects.toMatchObject({ kind: 'not-ready' });
  });

  it('passes the caller signal to create during prepare', async () => {
    const { fake } = installFakeTranslator({ 'en|fr': 'downloadable' });
    const controller = new AbortController();
    await createChromeTranslatorProvider().prepare!(
      { from: 'en', to: 'fr' },
      { signal: controller.signal },
    );
    expect(fake.create.mock.calls[0]![0].signal).toBe(controller.signal);
  });

  it('maps an unavailable pair to unsupported-pair for translate and prepare', async () => {
    installFakeTranslator({});
    const provider = createChromeTranslatorProvider();
    await expect(provider.availability!({ from: 'en', to: 'la' })).resolves.toBe('unavailable');
    await expect(provider.translate(['Salve'], 'la', 'en')).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
    await expect(provider.prepare!({ from: 'la', to: 'en' })).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
  });

  it('maps QuotaExceededError to invalid-request and an aborted signal to aborted', async () => {
    installFakeTranslator({ 'en|es': 'available' });
    const provider = createChromeTranslatorProvider();
    await expect(provider.translate(['x'.repeat(41)], 'en', 'es')).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    const controller = new AbortController();
    controller.abort();
    await expect(
      provider.translate(['Hello'], 'en', 'es', { signal: controller.signal }),
    ).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('lists pairs over the documented languages', async () => {
    installFakeTranslator({});
    const pairs = await createChromeTranslatorProvider().listPairs();
    expect(pairs).toHaveLength(CHROME_LANGUAGES.length * (CHROME_LANGUAGES.length - 1));
    expect(pairs).toEqual(
      expect.arrayContaining([
        { from: 'en', to: 'ko' },
        { from: 'ja', to: 'zh-Hant' },
      ]),
    );
  });

  it('offers nothing and refuses to translate when the browser has no Translator', async () => {
    vi.stubGlobal('Translator', undefined);
    const provider = createChromeTranslatorProvider();
    await expect(provider.listPairs()).resolves.toEqual([]);
    await expect(provider.availability!({ from: 'en', to: 'es' })).resolves.toBe('unavailable');
    await expect(provider.translate(['Hello'], 'en', 'es')).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
    await expect(provider.prepare!({ from: 'en', to: 'es' })).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
  });
});
