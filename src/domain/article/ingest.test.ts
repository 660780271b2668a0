import { describe, expect, it } from 'vitest';
import { cleanStructuredDraft, formatForFileName, ingestText, looksLikeHtml } from './ingest';
import { reconstructPlainText } from './plain-text';
import type { ArticleDraft } from './types';

describe('formatForFileName', () => {
  it('maps the file kinds the app opens and refuses the rest', () => {
    expect(formatForFileName('a.txt')).toBe('text');
    expect(formatForFileName('A.HTM')).toBe('html');
    expect(formatForFileName('page.html')).toBe('html');
    expect(formatForFileName('notes.md')).toBe('markdown');
    expect(formatForFileName('slides.pptx')).toBeNull();
    expect(formatForFileName('README')).toBeNull();
  });
});

describe('looksLikeHtml', () => {
  it('recognises documents and markup-heavy fragments, not prose that mentions a tag', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe(true);
    expect(looksLikeHtml('<p>One</p><p>Two</p><p>Three</p>')).toBe(true);
    expect(looksLikeHtml('Use the <p> element for paragraphs.\n\nIt is simple.')).toBe(false);
  });
});

describe('ingestText', () => {
  it('reads plain text through reconstruction', async () => {
    const text = 'Night buses return\n\nThe city will add two night bus routes in March.';
    expect(await ingestText(text)).toEqual(reconstructPlainText(text));
  });

  it('keeps the chrome rules for HTML pages: comment widgets and share lines leave the body', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Night buses return</title></head><body><article>
      <h1>Night buses return</h1>
      <p>승인 2018.02.20 15:33</p>
      <p>The city will add two night bus routes in March, the transport office said on Monday.</p>
      <p>이 기사를 공유합니다</p>
      <p>Officials expect the routes to carry shift workers home from the industrial districts.</p>
      <p>댓글 0</p>
      <p>삭제한 댓글은 다시 복구할 수 없습니다. 그래도 삭제하시겠습니까?</p>
    </article></body></html>`;
    const draft = await ingestText(html);
    expect(draft.format).toBe('html');
    expect(draft.title).toBe('Night buses return');
    expect(draft.published?.datetime).toBe('2018-02-20T15:33+09:00');
    expect(draft.blocks.map((block) => block.text)).toEqual([
      'The city will add two night bus routes in March, the transport office said on Monday.',
      'Officials expect the routes to carry shift workers home from the industrial districts.',
    ]);
    expect(draft.removed.map((line) => line.reason)).toEqual(
      expect.arrayContaining(['metadata', 'share', 'comments']),
    );
  });

  it('reads Markdown when told the format', async () => {
    const draft = await ingestText('# Night buses\n\nThe city will add\ntwo routes.\n', {
      format: 'markdown',
    });
    expect(draft.title).toBe('Night buses');
    expect(draft.blocks).toEqual([{ kind: 'paragraph', text: 'The city will add two routes.' }]);
  });

  it('keeps only http(s) source links', async () => {
    const page =
      '<p>One paragraph here.</p><p>Two paragraphs here.</p><p>Three paragraphs here.</p>';
    expect((await ingestText(page, { url: 'javascript:alert(1)' })).sourceUrl).toBeNull();
    expect((await ingestText(page, { url: 'https://news.example/a' })).sourceUrl).toBe(
      'https://news.example/a',
    );
  });
});

describe('cleanStructuredDraft', () => {
  const base: ArticleDraft = {
    format: 'html',
    title: 'Library hours',
    deck: null,
    byline: null,
    published: null,
    modified: null,
    blocks: [],
    removed: [],
    sourceUrl: null,
    declaredLanguage: null,
  };

  it('takes the approval stamp over the filing stamp, and the revision as modified', () => {
    const draft = cleanStructuredDraft({
      ...base,
      blocks: [
        {
          kind: 'paragraph',
          text: '입력 2018.02.19 09:12 | 승인 2018.02.20 15:33 | 수정 2018.02.21 08:00',
        },
        { kind: 'paragraph', text: 'Library hours' },
        { kind: 'paragraph', text: 'The library will stay open until ten on weekdays.' },
      ],
    });
    expect(draft.published?.datetime).toBe('2018-02-20T15:33+09:00');
    expect(draft.modified?.datetime).toBe('2018-02-21T08:00+09:00');
    expect(draft.blocks.map((b) => b.text)).toEqual([
      'The library will stay open until ten on weekdays.',
    ]);
    expect(draft.removed.map((line) => line.reason)).toEqual(['metadata', 'duplicate-title']);
  });

  it('leaves preformatted blocks alone', () => {
    const code = { kind: 'preformatted' as const, text: '댓글 0' };
    expect(cleanStructuredDraft({ ...base, blocks: [code] }).blocks).toEqual([code]);
  });
});
