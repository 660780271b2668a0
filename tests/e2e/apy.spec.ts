// The app's default engine is a local Apertium APy; make sure the one the tests use is real.
import { expect, test } from '@playwright/test';

const apyUrl = process.env.APY_URL ?? 'http://localhost:2737';

interface ListPairs {
  responseData: { sourceLanguage: string; targetLanguage: string }[];
}

interface Translation {
  responseData: { translatedText: string };
}

test('APy offers English → Spanish and translates with it', async ({ request }) => {
  const pairs = await request.get(`${apyUrl}/listPairs`);
  expect(pairs.ok()).toBe(true);
  const body = (await pairs.json()) as ListPairs;
  expect(body.responseData).toContainEqual({ sourceLanguage: 'eng', targetLanguage: 'spa' });

  const translated = await request.get(`${apyUrl}/translate`, {
    params: { langpair: 'eng|spa', q: 'house' },
  });
  expect(translated.ok()).toBe(true);
  const result = (await translated.json()) as Translation;
  expect(result.responseData.translatedText.toLowerCase()).toContain('casa');
});
