import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blocksFromHtmlFragment, extractHtmlArticle, toHtmlDatetime } from './html';
import type { ArticleDraft } from './types';

/**
 * Scripts in the test document run against the JSDOM window, which Vitest exposes as `jsdom`;
 * test code's own `window` is a different object. A payload would set its flag on the former.
 */
const pageWindow = (): Record<string, unknown> =>
  (globalThis as unknown as { jsdom: { window: Record<string, unknown> } }).jsdom.window;

const pwned = (): unknown =>
  pageWindow().__pwned ?? (globalThis as Record<string, unknown>).__pwned;

const clearFlag = (): void => {
  delete pageWindow().__pwned;
  delete (globalThis as Record<string, unknown>).__pwned;
};

const fixture = (name: string): string =>
  readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/files', name), 'utf8');

/** Lets handlers that would fire asynchronously (image errors, frame loads) have their chance. */
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 50));

/** Every string in a draft, to search for leaked payloads. */
const allText = (draft: ArticleDraft): string => JSON.stringify(draft);

const page = (head: string, body: string, htmlAttributes = ''): string =>
  `<!DOCTYPE html><html${htmlAttributes}><head>${head}</head><body>${body}</body></html>`;

const LONG_PARAGRAPH =
  'The river barges kept running through the dry summer, though they carried half loads for most of August and the lock keepers opened the gates only twice a day to save water.';

describe('extractHtmlArticle on hostile markup', () => {
  beforeEach(clearFlag);
  afterEach(clearFlag);

  // Without these controls, the assertions below could pass only because nothing ever runs here.
  it('the test environment runs a script that reaches the live document (control)', () => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = true;';
    document.body.append(script);
    expect(pwned()).toBe(true);
    script.remove();
  });

  it('the test environment runs an inline handler that reaches the live document (control)', () => {
    const host = document.createElement('div');
    host.innerHTML = '<button onclick="window.__pwned = true">Go</button>';
    document.body.append(host);
    host.querySelector('button')?.click();
    expect(pwned()).toBe(true);
    host.remove();
  });

  it('extracts exactly the article paragraphs', () => {
    const draft = extractHtmlArticle(fixture('hostile.html'));
    expect(draft.blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'For forty-one winters the keeper of the Greywater light wrote one line in her logbook every evening, whatever the weather, and she never once missed a night. The entries are short: the state of the sea, the colour of the sky at dusk, the ships that passed close enough to name.',
      },
      {
        kind: 'paragraph',
        text: 'When the harbour office finally took the books into its archive, the clerks found that the handwriting changed only twice. Once after a broken wrist in the hard frost of the third decade, and once, near the end, when her eyesight began to fail and the letters grew large and careful.',
      },
      {
        kind: 'paragraph',
        text: 'Read together, the lines make an odd kind of weather record. Storms are described by what they did to the lamp rather than by their strength, and calm nights are marked only with a small circle drawn in pencil beside the date.',
      },
      {
        kind: 'paragraph',
        text: 'The archive plans to publish a transcription next spring, with the pencil circles kept exactly where she drew them.',
      },
    ]);
    expect(draft.title).toBe("The Keeper's Logbook");
  });

  it('lets no script source, style expression or URL payload into any string', () => {
    const text = allText(extractHtmlArticle(fixture('hostile.html')));
    for (const needle of [
      '__pwned',
      'javascript',
      'expression(',
      'alert',
      'svg icon',
      'payload',
      'noscript',
      'Injected',
    ]) {
      expect(text.toLowerCase()).not.toContain(needle.toLowerCase());
    }
  });

  it('runs none of the payloads', async () => {
    extractHtmlArticle(fixture('hostile.html'));
    await settle();
    expect(pwned()).toBeUndefined();
  });

  it('returns plain data only, with no nodes from the page', () => {
    const draft = extractHtmlArticle(fixture('hostile.html'));
    expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
  });

  it('keeps script and style text out of a short page that falls back to the body', async () => {
    const html = page(
      '<title>Note</title>',
      // Readability finds no article in a lone <aside>, so this goes through the fallback.
      '<aside>Gate closes at six.<script>window.__pwned = true; var secret = 1;</script><style>aside { color: red }</style><svg><script>window.__pwned = true</script></svg></aside>',
    );
    const draft = extractHtmlArticle(html);
    await settle();
    expect(draft.blocks).toEqual([{ kind: 'paragraph', text: 'Gate closes at six.' }]);
    expect(pwned()).toBeUndefined();
  });
});

describe('extractHtmlArticle on a news page', () => {
  const draft = extractHtmlArticle(fixture('news-article.html'));

  it('keeps the article body and drops menus, related links, comments and the footer', () => {
    expect(draft.blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'The overnight ferry between Port Elwin and the northern isles will sail again from next month, six years after the last crossing was cancelled for lack of a ship.',
      },
      {
        kind: 'paragraph',
        text: 'The operator said on Tuesday that a refitted vessel, the Silver Tern, had passed its sea trials and would leave the mainland at ten each evening, arriving at the islands shortly after dawn.',
      },
      { kind: 'heading', text: 'A long wait for islanders', level: 2 },
      {
        kind: 'paragraph',
        text: 'Since the service stopped, travellers have had to take two daytime ferries and spend a night in a harbour town, which many islanders say has made hospital appointments and family visits much harder.',
      },
      {
        kind: 'quote',
        text: 'We have been asking for this boat back every winter. It changes what a week looks like for people here.',
      },
      { kind: 'paragraph', text: 'The timetable will run on three nights a week at first:' },
      { kind: 'list-item', text: 'Monday, leaving Port Elwin at 22:00' },
      { kind: 'list-item', text: 'Wednesday, leaving Port Elwin at 22:00' },
      {
        kind: 'list-item',
        text: 'Friday, leaving Port Elwin at 23:30 to allow for the late train',
      },
      { kind: 'paragraph', text: 'The Silver Tern during sea trials last month.' },
      {
        kind: 'paragraph',
        text: 'Cabins can be booked from Monday. The operator said a fourth weekly sailing would be added in the summer if demand held up, and that foot passengers would pay the same fare as on the daytime boats.',
      },
    ]);
  });

  it('reads the header from the page metadata', () => {
    expect(draft).toMatchObject({
      format: 'html',
      title: 'Night ferry returns to the northern route',
      deck: 'After six years without a service, islanders can again sail overnight to the mainland.',
      byline: 'Morag Lindsay',
      published: {
        kind: 'published',
        raw: '2024-03-05T06:30:00+0000',
        datetime: '2024-03-05T06:30:00+00:00',
      },
      modified: {
        kind: 'modified',
        raw: '2024-03-05T11:02:45.123456Z',
        datetime: '2024-03-05T11:02:45.123Z',
      },
      removed: [],
      sourceUrl: 'https://courier.example.com/news/night-ferry-returns',
      declaredLanguage: 'en-GB',
    });
  });
});

describe('blocksFromHtmlFragment', () => {
  it('maps paragraphs, headings, list items, quotes and preformatted text', () => {
    expect(
      blocksFromHtmlFragment(
        '<h1>One</h1><h3>Three</h3><h6>Six</h6><p>Para</p><ul><li>Item</li></ul><blockquote>Said</blockquote><pre>  line 1\n    line 2\n</pre>',
      ),
    ).toEqual([
      { kind: 'heading', text: 'One', level: 1 },
      { kind: 'heading', text: 'Three', level: 3 },
      { kind: 'heading', text: 'Six', level: 6 },
      { kind: 'paragraph', text: 'Para' },
      { kind: 'list-item', text: 'Item' },
      { kind: 'quote', text: 'Said' },
      { kind: 'preformatted', text: '  line 1\n    line 2' },
    ]);
  });

  it('collapses whitespace and turns non-breaking spaces into spaces', () => {
    expect(blocksFromHtmlFragment('<p>  Two\n\t words&nbsp;&nbsp;and\u00a0more  </p>')).toEqual([
      { kind: 'paragraph', text: 'Two words and more' },
    ]);
  });

  it('leaves ideographic spaces alone', () => {
    expect(blocksFromHtmlFragment('<p>全角\u3000空白</p>')).toEqual([
      { kind: 'paragraph', text: '全角\u3000空白' },
    ]);
  });

  it('drops empty blocks', () => {
    expect(
      blocksFromHtmlFragment('<p> </p><p>&nbsp;</p><h2></h2><li><br></li><p>Kept</p>'),
    ).toEqual([{ kind: 'paragraph', text: 'Kept' }]);
  });

  it('does not duplicate paragraphs nested in quotes and list items', () => {
    expect(
      blocksFromHtmlFragment(
        '<blockquote><p>First quoted.</p><p>Second quoted.</p></blockquote><ol><li><p>Loose item.</p><ul><li>Nested item.</li></ul></li></ol>',
      ),
    ).toEqual([
      { kind: 'quote', text: 'First quoted.' },
      { kind: 'quote', text: 'Second quoted.' },
      { kind: 'list-item', text: 'Loose item.' },
      { kind: 'list-item', text: 'Nested item.' },
    ]);
  });

  it('splits text separated by two line breaks into paragraphs and joins single breaks', () => {
    expect(
      blocksFromHtmlFragment(
        '<div>First paragraph,<br>wrapped once.<br><br>Second paragraph.<br> <br>\n<br>Third.</div>',
      ),
    ).toEqual([
      { kind: 'paragraph', text: 'First paragraph, wrapped once.' },
      { kind: 'paragraph', text: 'Second paragraph.' },
      { kind: 'paragraph', text: 'Third.' },
    ]);
  });

  it('takes only the text of inline elements', () => {
    expect(
      blocksFromHtmlFragment(
        '<p>A <a href="https://example.com/">link</a>, <em>emphasis</em>, <strong>strength</strong> and <span class="x">a span</span>.</p>',
      ),
    ).toEqual([{ kind: 'paragraph', text: 'A link, emphasis, strength and a span.' }]);
  });

  it('treats text beside blocks in a container as paragraphs of its own', () => {
    expect(blocksFromHtmlFragment('<div>Loose text<p>Inner</p>tail <b>bold</b></div>')).toEqual([
      { kind: 'paragraph', text: 'Loose text' },
      { kind: 'paragraph', text: 'Inner' },
      { kind: 'paragraph', text: 'tail bold' },
    ]);
  });

  it('keeps figure captions as paragraphs and drops images', () => {
    expect(
      blocksFromHtmlFragment(
        '<figure><img src="a.jpg" alt="Alt text"><figcaption>The caption.</figcaption></figure>',
      ),
    ).toEqual([{ kind: 'paragraph', text: 'The caption.' }]);
  });

  it('skips menus, hidden content and form controls', () => {
    expect(
      blocksFromHtmlFragment(
        '<nav><a href="/">Home</a></nav><p hidden>Hidden</p><p aria-hidden="true">Aria hidden</p><p>Shown <button>Share</button><select><option>Pick</option></select><textarea>Typed</textarea></p>',
      ),
    ).toEqual([{ kind: 'paragraph', text: 'Shown' }]);
  });

  it('removes scripts and styles before reading any text', () => {
    expect(
      blocksFromHtmlFragment(
        '<p>Safe<script>window.__pwned = true</script><style>p { color: red }</style></p>',
      ),
    ).toEqual([{ kind: 'paragraph', text: 'Safe' }]);
  });

  it('gives each table cell its own block', () => {
    expect(
      blocksFromHtmlFragment(
        '<table><tr><th>Port</th><th>Time</th></tr><tr><td>Elwin</td><td>22:00</td></tr></table>',
      ),
    ).toEqual([
      { kind: 'paragraph', text: 'Port' },
      { kind: 'paragraph', text: 'Time' },
      { kind: 'paragraph', text: 'Elwin' },
      { kind: 'paragraph', text: '22:00' },
    ]);
  });
});

describe('extractHtmlArticle metadata', () => {
  const body = `<article><h2>Section</h2><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></article>`;

  it('prefers the given title', () => {
    const draft = extractHtmlArticle(page('<title>Page title</title>', body), {
      title: ' Chosen ',
    });
    expect(draft.title).toBe('Chosen');
  });

  it('strips the site name from the page title when it matches og:site_name', () => {
    const head =
      '<title>Short headline | Harbour Notes</title><meta property="og:site_name" content="Harbour Notes">';
    expect(extractHtmlArticle(page(head, body)).title).toBe('Short headline');
    const prefixed =
      '<title>Harbour Notes - Short headline</title><meta property="og:site_name" content="Harbour Notes">';
    expect(extractHtmlArticle(page(prefixed, body)).title).toBe('Short headline');
  });

  it('keeps a title suffix that is not the site name', () => {
    const head =
      '<title>Short headline | Other Words</title><meta property="og:site_name" content="Harbour Notes">';
    expect(extractHtmlArticle(page(head, body)).title).toBe('Short headline | Other Words');
  });

  it('falls back to og:title and then <title>', () => {
    expect(
      extractHtmlArticle(
        page('<title>Tab</title><meta property="og:title" content="Open Graph">', body),
      ).title,
    ).toBe('Open Graph');
    expect(extractHtmlArticle(page('<title>Tab title</title>', body)).title).toBe('Tab title');
    expect(extractHtmlArticle(page('', body)).title).toBeNull();
  });

  it('reads the byline from meta author, a rel=author link or a .byline element', () => {
    expect(extractHtmlArticle(page('<meta name="author" content="Ann Lee">', body)).byline).toBe(
      'Ann Lee',
    );
    expect(
      extractHtmlArticle(page('', `<p>By <a rel="author" href="/ann">Ann Lee</a></p>${body}`))
        .byline,
    ).toBe('Ann Lee');
    expect(extractHtmlArticle(page('', `<div class="byline">Ann Lee</div>${body}`)).byline).toBe(
      'Ann Lee',
    );
    expect(extractHtmlArticle(page('', body)).byline).toBeNull();
  });

  it('takes the publication time from meta tags, then <time datetime>, then meta date', () => {
    const meta = '<meta property="article:published_time" content="2024-03-05T09:30:00+09:00">';
    const time = '<time datetime="2024-03-04">4 March</time>';
    expect(extractHtmlArticle(page(meta, time + body)).published).toEqual({
      kind: 'published',
      raw: '2024-03-05T09:30:00+09:00',
      datetime: '2024-03-05T09:30:00+09:00',
    });
    expect(extractHtmlArticle(page('', time + body)).published).toEqual({
      kind: 'published',
      raw: '4 March',
      datetime: '2024-03-04',
    });
    expect(
      extractHtmlArticle(page('<meta name="date" content="2024-03-03 08:00">', body)).published,
    ).toEqual({ kind: 'published', raw: '2024-03-03 08:00', datetime: '2024-03-03T08:00' });
  });

  it('ignores publication times that are not valid dates', () => {
    const meta = '<meta property="article:published_time" content="yesterday">';
    expect(extractHtmlArticle(page(meta, body)).published).toBeNull();
    const bad = '<meta property="article:published_time" content="2023-02-29">';
    expect(extractHtmlArticle(page(bad, body)).published).toBeNull();
  });

  it('uses the description as a deck unless it repeats the first paragraph', () => {
    const distinct = '<meta property="og:description" content="A summer on the canals.">';
    expect(extractHtmlArticle(page(distinct, body)).deck).toBe('A summer on the canals.');
    const fallback = '<meta name="description" content="A summer on the canals.">';
    expect(extractHtmlArticle(page(fallback, body)).deck).toBe('A summer on the canals.');
    const repeated = `<meta name="description" content="${LONG_PARAGRAPH}">`;
    expect(extractHtmlArticle(page(repeated, body)).deck).toBeNull();
    const truncated = `<meta name="description" content="${LONG_PARAGRAPH.slice(0, 60)}…">`;
    expect(extractHtmlArticle(page(truncated, body)).deck).toBeNull();
  });

  it('reads the declared language from <html lang>, then og:locale', () => {
    expect(extractHtmlArticle(page('', body, ' lang="ko"')).declaredLanguage).toBe('ko');
    expect(
      extractHtmlArticle(page('<meta property="og:locale" content="ko_KR">', body))
        .declaredLanguage,
    ).toBe('ko-KR');
    expect(extractHtmlArticle(page('', body, ' lang="not a tag!"')).declaredLanguage).toBeNull();
  });

  it('keeps only http and https source URLs', () => {
    const canonical = '<link rel="canonical" href="https://example.com/a">';
    expect(
      extractHtmlArticle(page(canonical, body), { url: 'http://example.org/b' }).sourceUrl,
    ).toBe('http://example.org/b');
    expect(extractHtmlArticle(page(canonical, body), { url: 'file:///etc/passwd' }).sourceUrl).toBe(
      'https://example.com/a',
    );
    expect(
      extractHtmlArticle(page('<meta property="og:url" content="https://example.com/og">', body))
        .sourceUrl,
    ).toBe('https://example.com/og');
    expect(
      extractHtmlArticle(page('<link rel="canonical" href="/relative/path">', body)).sourceUrl,
    ).toBeNull();
    expect(
      extractHtmlArticle(page('<meta property="og:url" content="ftp://example.com/x">', body))
        .sourceUrl,
    ).toBeNull();
  });

  it('falls back to the whole body when the page is too short for Readability', () => {
    expect(
      extractHtmlArticle(page('<title>Hi</title>', '<aside>Just one line.</aside>')).blocks,
    ).toEqual([{ kind: 'paragraph', text: 'Just one line.' }]);
  });
});

describe('toHtmlDatetime', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T09:30', '2024-03-05T09:30'],
    ['2024-03-05 09:30:15', '2024-03-05T09:30:15'],
    ['2024-03-05T09:30:15Z', '2024-03-05T09:30:15Z'],
    ['2024-03-05T09:30:15z', '2024-03-05T09:30:15Z'],
    ['2024-03-05T09:30:15.5+09:00', '2024-03-05T09:30:15.5+09:00'],
    ['2024-03-05T09:30:15.123456789+0900', '2024-03-05T09:30:15.123+09:00'],
    ['2024-03-05T09:30:15+09', '2024-03-05T09:30:15+09:00'],
    ['2024-03-05T09:30:15-00:00', '2024-03-05T09:30:15+00:00'],
    ['  2024-02-29T00:00:00-05:00 ', '2024-02-29T00:00:00-05:00'],
  ])('normalises %s', (input, expected) => {
    expect(toHtmlDatetime(input)).toBe(expected);
  });

  it.each([
    'March 5, 2024',
    '2024/03/05',
    '2023-02-29',
    '2024-13-01',
    '2024-03-05T24:00',
    '2024-03-05T09:60',
    '2024-03-05T09:30:60',
    '0000-01-01',
    '2024-03-05T09:30+25:00',
  ])('rejects %s', (input) => {
    expect(toHtmlDatetime(input)).toBeNull();
  });
});
