import { apyUrl, expect, fixtureText, segments, test } from './helpers';

interface ExpectedArticle {
  title: string;
  byline: string;
  published: { datetime: string };
  blocks: { text: string }[];
}

const messy = fixtureText('articles/korean-cms-hardwrapped.txt');
const expected = JSON.parse(fixtureText('articles/korean-cms-hardwrapped.json')) as ExpectedArticle;

// Lines of the site around the article that must never reach the body.
const chrome = [
  '댓글',
  '이 기사를 공유합니다',
  '해당 언어로 번역 중입니다',
  '삭제',
  '계정',
  '무단전재',
  '승인',
];

test('a pasted hard-wrapped Korean-CMS article becomes a clean article', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('기사 붙여넣기').fill(messy);
  await page.getByRole('button', { name: '이 글 열기' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title);
  await expect(page.locator('time[datetime]').first()).toHaveAttribute(
    'datetime',
    expected.published.datetime,
  );
  await expect(page.locator('.article-header__stamp')).toContainText('승인');
  await expect(page.locator('.byline, [rel="author"]').first()).toHaveText(expected.byline);

  const sources = page.locator('[data-segment] > [lang="en"]:not(.segment__target)');
  await expect(sources).toHaveText(expected.blocks.map((block) => block.text));
  const body = await segments(page).allInnerTexts();
  for (const line of chrome) {
    expect(body.filter((text) => text.includes(line))).toEqual([]);
  }
  // Whole paragraphs: no segment is a fragment of a wrapped line.
  for (const text of body) expect(text.trim()).toMatch(/[.!?’”"')]$/);
});

test('?text=…&to=es translates every paragraph on the local Apertium engine, then reopens from cache', async ({
  page,
}) => {
  // Hold the engine's first answer so the in-flight state can be seen; the request still goes to
  // the real APy once released.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let translateRequests = 0;
  await page.route(`${apyUrl}/translate`, async (route) => {
    translateRequests++;
    await held;
    await route.continue();
  });

  const params = new URLSearchParams({ text: messy, to: 'es' });
  await page.goto(`/?${params.toString()}`);

  const busy = page.locator('[data-segment][aria-busy="true"]').first();
  await expect(busy).toBeVisible();
  await expect(busy).toHaveAttribute('data-state', 'translating');
  await expect(busy).toContainText('해당 언어로 번역 중입니다…');
  await expect(page.locator('.status-line__count')).toHaveText(
    `${expected.blocks.length}개 문단 중 0개 번역됨`,
  );

  release();
  const all = segments(page);
  await expect(all).toHaveCount(expected.blocks.length);
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(
    expected.blocks.length,
  );
  await expect(
    page.locator('[data-segment][data-state="translating"], [aria-busy="true"]'),
  ).toHaveCount(0);
  await expect(page.locator('.status-line__count')).toHaveText(
    `${expected.blocks.length}개 문단 중 ${expected.blocks.length}개 번역됨`,
  );
  // Packed into a few requests, not one per paragraph (the title travels too).
  expect(translateRequests).toBeGreaterThan(0);
  expect(translateRequests).toBeLessThan(expected.blocks.length);

  const translations = await page
    .locator('[data-segment] .segment__target[lang="es"]')
    .allInnerTexts();
  expect(translations).toHaveLength(expected.blocks.length);
  translations.forEach((translation, index) => {
    expect(translation.trim().length).toBeGreaterThan(0);
    expect(translation).not.toBe(expected.blocks[index]?.text);
  });
  expect(translations.join(' ')).toMatch(/autobús|autobuses/);

  // The address now names the saved article; a reload reads it with zero engine requests.
  await expect(page).toHaveURL(/\?doc=/);
  translateRequests = 0;
  await page.reload();
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(
    expected.blocks.length,
  );
  expect(translateRequests).toBe(0);
  await expect(page.locator('select[name="targetLanguage"]')).toHaveValue('es');
});

test('a translation cache kept one record per text by the previous version still answers after the upgrade', async ({
  page,
}) => {
  let translateRequests = 0;
  page.on('request', (request) => {
    if (request.url().startsWith(`${apyUrl}/translate`)) translateRequests++;
  });
  const article = [
    'Ferries Keep Running Through the Storm',
    'The harbour office said the morning ferries would sail despite the wind.',
    'Passengers were told to arrive early and to expect delays.',
  ].join('\n\n');
  await page.goto(`/?${new URLSearchParams({ text: article, to: 'es' }).toString()}`);
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(2);
  await expect(page).toHaveURL(/\?doc=/);
  const reopen = page.url();

  // What this version stored, rewritten as the previous version's database (version 2: one
  // record per text in `translations`), each translation marked so its origin shows.
  await page.goto('/favicon.svg');
  const moved = await page.evaluate(async () => {
    const done = (request: IDBRequest | IDBTransaction) =>
      new Promise((resolve, reject) => {
        if (request instanceof IDBTransaction) request.oncomplete = resolve;
        else request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error('IndexedDB failed'));
      });
    const open = (version?: number, upgrade?: (db: IDBDatabase) => void) => {
      const request = indexedDB.open('interlinear', version);
      if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
      return done(request) as Promise<IDBDatabase>;
    };
    const current = await open();
    const read = current.transaction(['articles', 'translationGroups']);
    const articles = (await done(read.objectStore('articles').getAll())) as unknown[];
    const groups = (await done(read.objectStore('translationGroups').getAll())) as {
      route: string;
      provider: string;
      cacheIdentity: string;
      from: string;
      to: string;
      entries: { hash: string; translation: string; createdAt: number }[];
    }[];
    current.close();
    await done(indexedDB.deleteDatabase('interlinear'));
    const old = await open(2, (db) => {
      db.createObjectStore('articles', { keyPath: 'id' }).createIndex('openedAt', 'openedAt');
      db.createObjectStore('translations', { keyPath: 'key' });
      db.createObjectStore('reviewRows', { keyPath: ['reviewId', 'index'] });
      db.createObjectStore('glossaries', { keyPath: 'id' });
    });
    const write = old.transaction(['articles', 'translations'], 'readwrite');
    for (const record of articles) write.objectStore('articles').put(record);
    let count = 0;
    for (const { route, entries, ...engine } of groups) {
      for (const { hash, translation, createdAt } of entries) {
        write.objectStore('translations').put({
          key: `${route}|${hash}`,
          translation: `[v2] ${translation}`,
          provider: engine.provider,
          cacheIdentity: engine.cacheIdentity,
          from: engine.from,
          to: engine.to,
          createdAt,
        });
        count++;
      }
    }
    await done(write);
    old.close();
    return count;
  });
  // The title and both paragraphs.
  expect(moved).toBe(3);

  translateRequests = 0;
  await page.goto(reopen);
  const targets = page.locator('[data-segment][data-state="translated"] .segment__target');
  await expect(targets).toHaveCount(2);
  for (const text of await targets.allInnerTexts()) expect(text).toMatch(/^\[v2\] \S/);
  expect(translateRequests).toBe(0);
});

test('the views show original, translation or both, and the choice survives a reload', async ({
  page,
}) => {
  const params = new URLSearchParams({
    text: fixtureText('articles/english-clean.txt'),
    to: 'ca',
    view: 'translation',
  });
  await page.goto(`/?${params.toString()}`);
  const first = segments(page).first();
  await expect(first).toHaveAttribute('data-state', 'translated');
  await expect(first.locator('.segment__target[lang="ca"]')).toBeVisible();
  await expect(first.locator('[lang="en"]')).toBeHidden();

  await page.getByText('원문', { exact: true }).click();
  await expect(first.locator('[lang="en"]')).toBeVisible();
  await expect(first.locator('[lang="ca"]')).toBeHidden();

  await page.getByText('원문·번역 대조').click();
  await expect(first.locator('[lang="en"]')).toBeVisible();
  await expect(first.locator('[lang="ca"]')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: '원문·번역 대조' })).toBeChecked();
  await expect(segments(page).first().locator('[lang="ca"]')).toBeVisible();
});

test('changing the target language cancels work in flight and translates into the new one', async ({
  page,
}) => {
  const text = Array.from(
    { length: 40 },
    (_, i) => `Paragraph ${i + 1} says the museum will open a new wing next year.`,
  ).join('\n\n');
  let hold = true;
  const aborted: string[] = [];
  await page.route(`${apyUrl}/translate`, async (route) => {
    const langpair = new URLSearchParams(route.request().postData() ?? '').get('langpair') ?? '';
    while (hold && langpair === 'eng|spa') await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      await route.continue();
    } catch {
      aborted.push(langpair);
    }
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(apyUrl)) aborted.push(request.failure()?.errorText ?? '');
  });
  await page.goto(`/?${new URLSearchParams({ text, to: 'es' }).toString()}`);
  await expect(page.locator('[data-segment][data-state="translating"]').first()).toBeVisible();
  await page.locator('select[name="targetLanguage"]').selectOption('ca');
  await expect(page.locator('[data-segment][data-state="translated"]')).toHaveCount(40);
  await expect(page.locator('[data-segment] .segment__target[lang="es"]')).toHaveCount(0);
  await expect(page.locator('[data-segment] .segment__target[lang="ca"]')).toHaveCount(40);
  hold = false;
  // The Spanish requests in flight were cancelled by the browser, not left to finish.
  await expect.poll(() => aborted.length).toBeGreaterThan(0);
});

test('an invalid config.json gives a notice and the built-in defaults still translate', async ({
  page,
}) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: '{"defaultProvider": "babelfish", ',
    }),
  );
  await page.goto(
    `/?${new URLSearchParams({ text: fixtureText('articles/english-clean.txt'), to: 'es' }).toString()}`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'config.json' })).toHaveText(
    '배포 설정 파일(config.json)을 읽을 수 없어 기본 설정으로 실행합니다.닫기',
  );
  await expect(segments(page).first()).toHaveAttribute('data-state', 'translated');
});

test('config.json entries that are wrong are named, and the rest still apply', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ defaultProvider: 'babelfish', defaultTargetLanguage: 'ca' }),
    }),
  );
  await page.goto(
    `/?${new URLSearchParams({ text: fixtureText('articles/english-clean.txt') }).toString()}`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'config.json' })).toContainText(
    'defaultProvider',
  );
  await expect(page.locator('select[name="targetLanguage"]')).toHaveValue('ca');
  await expect(segments(page).first().locator('.segment__target[lang="ca"]')).toBeVisible();
});

test('the detected source language is shown and can be overridden', async ({ page }) => {
  await page.goto(
    `/?${new URLSearchParams({ text: fixtureText('articles/english-clean.txt') }).toString()}`,
  );
  const source = page.locator('select[name="sourceLanguage"]');
  await expect(source.locator('option:checked')).toHaveText('영어 (자동 감지)');
  // Spanish → English is what this engine offers from Spanish.
  await source.selectOption('es');
  await expect(page.locator('select[name="targetLanguage"] option')).toContainText([
    '번역하지 않음',
    '영어',
  ]);
  await expect(segments(page).first().locator('[lang="es"]').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('select[name="sourceLanguage"]')).toHaveValue('es');
});
