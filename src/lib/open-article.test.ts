import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importReview } from '../domain/formats/import';
import { OpenArticleError, getArticle, openArticle } from './articles';
import { usePreferences } from './preferences';
import { readReviewRow, reviewIdFor, saveReviewRow } from './review-store';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../domain/formats/fixtures', name), 'utf8');

const xliffFile = (text: string, name = 'chapter.xlf') =>
  new File([text], name, { type: 'application/xliff+xml' });

describe('opening an XLIFF file', () => {
  beforeEach(() => {
    usePreferences.setState({ targetLanguage: null, view: 'translation' });
  });

  it('makes the source segments the article and the targets its review', async () => {
    const text = fixture('other-tool-2.0.xlf');
    const expected = importReview(text);
    const result = await openArticle({ kind: 'file', file: xliffFile(text) });

    expect(result.review).toEqual({ targetLanguage: expected.targetLanguage });
    const article = await getArticle(result.id);
    expect(article?.draft.blocks.map((block) => block.text)).toEqual(
      expected.segments.map((segment) => segment.source.replace(/\s+/g, ' ').trim()),
    );
    expect(article?.detectedLanguage).toBe(expected.sourceLanguage);

    const reviewId = reviewIdFor(result.id, expected.targetLanguage);
    for (const [index, segment] of expected.segments.entries()) {
      const row = await readReviewRow(reviewId, index);
      expect(row?.target).toBe(segment.target);
      expect(row?.status).toBe(segment.status);
    }
    // The reader lands in the review of that language.
    expect(usePreferences.getState()).toMatchObject({
      targetLanguage: expected.targetLanguage,
      view: 'review',
    });
  });

  it('opened again, keeps what the reviewer changed since', async () => {
    const text = fixture('other-tool-1.2.xlf');
    const first = await openArticle({ kind: 'file', file: xliffFile(text, 'a.xlf') });
    const language = first.review?.targetLanguage ?? '';
    const reviewId = reviewIdFor(first.id, language);
    const stored = await readReviewRow(reviewId, 0);
    if (!stored) throw new Error('row 0 was not stored');
    const edited = await saveReviewRow(
      { ...stored, target: 'Edited after opening.', status: 'edited' },
      stored.revision,
    );
    expect(edited.ok).toBe(true);

    const again = await openArticle({ kind: 'file', file: xliffFile(text, 'a.xlf') });
    expect(again.id).toBe(first.id);
    expect((await readReviewRow(reviewId, 0))?.target).toBe('Edited after opening.');
  });

  it('refuses a file that is not XLIFF with its own reason', async () => {
    const failure = openArticle({
      kind: 'file',
      file: xliffFile('<html><body><p>Not a translation file.</p></body></html>', 'page.xlf'),
    });
    await expect(failure).rejects.toBeInstanceOf(OpenArticleError);
    await expect(failure).rejects.toMatchObject({ reason: 'not-xliff', fileName: 'page.xlf' });
  });
});
