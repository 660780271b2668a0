import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, fixtures, segments, test } from './helpers';

const chooser = (page: Page) => page.locator('input[type="file"]');

test('an HTML file with script, handler and javascript: payloads shows its text and runs nothing', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  await chooser(page).setInputFiles(join(fixtures, 'files/hostile.html'));

  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The Keeper's Logbook");
  await expect(segments(page).first()).toContainText(
    'For forty-one winters the keeper of the Greywater light',
  );
  // Hover and click everything the article shows, where handlers would have fired.
  for (const element of await segments(page).all()) {
    await element.hover();
  }
  await page.getByRole('heading', { level: 1 }).click();

  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  const body = await page.locator('article').innerHTML();
  expect(body).not.toMatch(/<script|onerror=|onload=|onclick=|onmouseover=|javascript:/i);
  expect(await page.locator('article').innerText()).not.toContain('__pwned');
});

test('an EUC-KR text file opens as Korean', async ({ page }) => {
  await page.goto('/');
  await chooser(page).setInputFiles(join(fixtures, 'files/korean-euc-kr.txt'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '강변 도서관, 밤 열 시까지 문 연다',
  );
  await expect(segments(page).first()).toContainText(
    '시립 강변도서관이 다음 달부터 평일 운영 시간을 오후 열 시까지 늘린다.',
  );
  await expect(page.locator('time[datetime]').first()).toHaveAttribute(
    'datetime',
    '2018-02-20T15:33+09:00',
  );
  await expect(page.locator('.byline').first()).toContainText('김하늘');
  await expect(page.locator('select[name="sourceLanguage"] option').first()).toHaveText(
    '한국어 (자동 감지)',
  );
  // No replacement characters: the bytes were decoded with the right table.
  expect(await page.locator('article').innerText()).not.toContain('\uFFFD');
});

test('UTF-16 files open by their byte-order mark', async ({ page }) => {
  await page.goto('/');
  await chooser(page).setInputFiles(join(fixtures, 'files/korean-utf16le-bom.txt'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '강변 도서관, 밤 열 시까지 문 연다',
  );
});

test('a binary file and an oversize file are refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await chooser(page).setInputFiles({
    name: 'photo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  });
  await expect(page.getByRole('alert')).toHaveText(
    '‘photo.txt’ 파일은 텍스트가 아닌 것 같습니다. .txt, .html, .md 파일을 열어 주세요.',
  );

  await chooser(page).setInputFiles({
    name: 'huge.txt',
    mimeType: 'text/plain',
    buffer: Buffer.alloc(21 * 1024 * 1024, 'a'),
  });
  await expect(page.getByRole('alert')).toContainText('‘huge.txt’ 파일이 너무 큽니다');
  await expect(page.getByRole('alert')).toContainText('20MB까지 열 수 있습니다');

  await chooser(page).setInputFiles({
    name: 'slides.pptx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('PK'),
  });
  await expect(page.getByRole('alert')).toContainText('‘slides.pptx’ 파일은 열 수 없는 형식입니다');
  // Nothing was lost: the start page is still there to try again.
  await expect(page.getByLabel('기사 붙여넣기')).toBeVisible();
});

test('a file dropped on the drop zone opens', async ({ page }) => {
  await page.goto('/');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['# Night buses\n\nThe city will add two night bus routes in March.\n'], 'note.md', {
        type: 'text/markdown',
      }),
    );
    return transfer;
  });
  // Dropped beside the file box, on the page's intro: the whole start page takes files.
  await page.locator('.start__intro').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Night buses');
  await expect(segments(page)).toHaveText(['The city will add two night bus routes in March.']);
});
