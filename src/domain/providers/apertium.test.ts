import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApertiumProvider, escapeHtml, splitParagraphs, unescapeHtml } from './apertium';

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('Apertium wire format', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('escapes text into <p> blocks and splits answers back', () => {
    expect(escapeHtml('5 < 6 & 7 > 2')).toBe('5 &lt; 6 &amp; 7 &gt; 2');
    expect(
      splitParagraphs('<p> Hola &amp; adiós.</p>\n<p>Dos &lt;b&gt; &#233;&#x41;</p><p></p>'),
    ).toEqual(['Hola & adiós.', 'Dos <b> éA', '']);
    expect(unescapeHtml('&unknown; &#0; &#x110000;')).toBe('&unknown; &#0; &#x110000;');
  });

  it('drops markup the engine adds inside a block rather than passing it on', () => {
    expect(splitParagraphs('<p>a <b onclick="x()">bold</b> word</p>')).toEqual(['a bold word']);
  });

  it('sends one form-encoded request with the ISO 639-3 pair and html format', async () => {
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() =>
      Promise.resolve(
        answer({
          responseData: { translatedText: '<p>Hola.</p><p>Adiós &amp; más.</p>' },
          responseStatus: 200,
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const provider = createApertiumProvider({ endpoint: 'http://apy.test:2737/' });
    await expect(provider.translate(['Hello.', 'Bye & more.'], 'en', 'es')).resolves.toEqual([
      'Hola.',
      'Adiós & más.',
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('http://apy.test:2737/translate');
    expect(init?.method).toBe('POST');
    const body = init?.body as URLSearchParams;
    expect(body.get('langpair')).toBe('eng|spa');
    expect(body.get('format')).toBe('html');
    expect(body.get('markUnknown')).toBe('no');
    expect(body.get('q')).toBe('<p>Hello.</p><p>Bye &amp; more.</p>');
  });

  it('treats a paragraph count that does not match as truncation', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        answer({ responseData: { translatedText: '<p>Uno.</p>' }, responseStatus: 200 }),
      ),
    );
    const provider = createApertiumProvider();
    await expect(provider.translate(['One.', 'Two.'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
  });

  it('maps an uninstalled pair, a busy engine, malformed JSON and a dead server', async () => {
    const provider = createApertiumProvider();
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        answer(
          {
            status: 'error',
            code: 400,
            message: 'Bad Request',
            explanation: 'That pair is not installed',
          },
          400,
        ),
      ),
    );
    await expect(provider.translate(['x'], 'en', 'ko')).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
    vi.stubGlobal('fetch', () => Promise.resolve(answer({ status: 'error', code: 503 }, 503)));
    await expect(provider.translate(['x'], 'en', 'es')).rejects.toMatchObject({ kind: 'server' });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>oops', { status: 200 })));
    await expect(provider.translate(['x'], 'en', 'es')).rejects.toMatchObject({
      kind: 'bad-response',
    });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(provider.translate(['x'], 'en', 'es')).rejects.toMatchObject({ kind: 'network' });
  });

  it('lists pairs as BCP 47 tags', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        answer({
          responseData: [
            { sourceLanguage: 'eng', targetLanguage: 'spa' },
            { sourceLanguage: 'eng', targetLanguage: 'cat_valencia' },
            { sourceLanguage: 'spa', targetLanguage: 'eng_US' },
            { sourceLanguage: 'eng', targetLanguage: 'spa' },
          ],
        }),
      ),
    );
    await expect(createApertiumProvider().listPairs()).resolves.toEqual([
      { from: 'en', to: 'es' },
      { from: 'en', to: 'ca-valencia' },
      { from: 'es', to: 'en-US' },
    ]);
  });
});
