import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMarkdownArticle } from './markdown';

const fixture = (name: string): string =>
  readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/files', name), 'utf8');

const blocksOf = (markdown: string) => extractMarkdownArticle(markdown).blocks;

describe('extractMarkdownArticle on the sample document', () => {
  const draft = extractMarkdownArticle(fixture('sample.md'));

  it('reads the header from the front matter', () => {
    expect(draft).toMatchObject({
      format: 'markdown',
      title: 'Notes from the Salt Marsh: Spring Count',
      deck: 'A morning with the volunteers who count the wading birds on the estuary.',
      byline: 'Ines Varga, Tom Okafor',
      published: {
        kind: 'published',
        raw: '2024-04-14 07:45:00 +0100',
        datetime: '2024-04-14T07:45:00+01:00',
      },
      modified: { kind: 'modified', raw: '2024-04-16', datetime: '2024-04-16' },
      removed: [],
      sourceUrl: null,
      declaredLanguage: 'en-GB',
    });
  });

  it('turns the body into plain-text blocks', () => {
    expect(draft.blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'The count starts an hour before high tide, when the water pushes the birds off the mudflats and onto the shingle bank, where they can be counted from the sea wall.',
      },
      {
        kind: 'paragraph',
        text: 'This year there were eleven volunteers, two telescopes and one flask of tea that went round everyone twice. The tally sheet, count-2024.csv, lists birds by species & by zone.',
      },
      { kind: 'heading', text: 'What we counted', level: 2 },
      { kind: 'list-item', text: 'Redshank: 214' },
      { kind: 'list-item', text: 'Dunlin: 1 380' },
      { kind: 'list-item', text: 'of which roosting on the bank: 900' },
      { kind: 'list-item', text: 'Curlew: 38' },
      { kind: 'list-item', text: 'Walk the sea wall from the sluice to the boathouse.' },
      { kind: 'list-item', text: 'Stop at each numbered post for five minutes.' },
      { kind: 'list-item', text: 'Write the totals on the sheet before moving on.' },
      {
        kind: 'quote',
        text: 'The birds do not wait for anyone. They move when the water tells them to.',
      },
      { kind: 'quote', text: 'Second paragraph of the quote.' },
      { kind: 'preformatted', text: 'zone  species   count\nA     redshank    120' },
      { kind: 'paragraph', text: 'Counts are provisional until checked.' },
      { kind: 'heading', text: 'Thanks', level: 3 },
      {
        kind: 'paragraph',
        text: 'Thanks to the harbour trust for the loan of the hide. Inline HTML keeps its text, and a stray tag does not.',
      },
      { kind: 'paragraph', text: 'Species' },
      { kind: 'paragraph', text: 'Count' },
      { kind: 'paragraph', text: 'Knot' },
      { kind: 'paragraph', text: '55' },
    ]);
  });

  it('lets no script source into any string', () => {
    expect(JSON.stringify(draft)).not.toContain('__pwned');
  });
});

describe('extractMarkdownArticle titles', () => {
  it('takes a leading level-1 heading as the title and out of the body', () => {
    const draft = extractMarkdownArticle('\n# The *Title*\n\nBody text.\n\n# Later heading\n');
    expect(draft.title).toBe('The Title');
    expect(draft.blocks).toEqual([
      { kind: 'paragraph', text: 'Body text.' },
      { kind: 'heading', text: 'Later heading', level: 1 },
    ]);
  });

  it('treats a setext heading the same way', () => {
    const draft = extractMarkdownArticle('Title\n=====\n\nBody text.\n');
    expect(draft.title).toBe('Title');
    expect(draft.blocks).toEqual([{ kind: 'paragraph', text: 'Body text.' }]);
  });

  it('does not take a leading level-2 heading as the title', () => {
    const draft = extractMarkdownArticle('## Section\n\nBody text.\n');
    expect(draft.title).toBeNull();
    expect(draft.blocks[0]).toEqual({ kind: 'heading', text: 'Section', level: 2 });
  });

  it('prefers the given title and keeps a different leading heading in the body', () => {
    const draft = extractMarkdownArticle('# Heading\n\nBody.\n', { title: 'Chosen' });
    expect(draft.title).toBe('Chosen');
    expect(draft.blocks).toEqual([
      { kind: 'heading', text: 'Heading', level: 1 },
      { kind: 'paragraph', text: 'Body.' },
    ]);
  });

  it('drops a leading heading that repeats the given title', () => {
    const draft = extractMarkdownArticle('# Chosen\n\nBody.\n', { title: 'Chosen' });
    expect(draft.blocks).toEqual([{ kind: 'paragraph', text: 'Body.' }]);
  });

  it('keeps a leading heading that differs from the front-matter title', () => {
    const draft = extractMarkdownArticle('---\ntitle: Declared\n---\n# Heading\n\nBody.\n');
    expect(draft.title).toBe('Declared');
    expect(draft.blocks[0]).toEqual({ kind: 'heading', text: 'Heading', level: 1 });
  });
});

describe('extractMarkdownArticle inline markup', () => {
  it('reduces emphasis, links, code and strikethrough to their text', () => {
    expect(
      blocksOf(
        '**Bold**, _em_, ~~gone~~, [a link](https://example.com), <https://example.org>, `a < b`.',
      ),
    ).toEqual([{ kind: 'paragraph', text: 'Bold, em, gone, a link, https://example.org, a < b.' }]);
  });

  it('drops images, alt text included', () => {
    expect(blocksOf('Before ![alt text](a.png) after.\n\n![Only an image](b.png)')).toEqual([
      { kind: 'paragraph', text: 'Before after.' },
    ]);
  });

  it('joins soft-wrapped and hard-broken lines with one space', () => {
    expect(blocksOf('One line\nwrapped here  \nand broken\\\nagain.')).toEqual([
      { kind: 'paragraph', text: 'One line wrapped here and broken again.' },
    ]);
  });

  it('decodes entity references outside code and keeps backslash escapes literal', () => {
    expect(blocksOf('&copy; &#169; &#xA9; &amp; &bogus; \\*not em\\* \\&amp; `&amp;`')).toEqual([
      { kind: 'paragraph', text: '© © © & &bogus; *not em* &amp; &amp;' },
    ]);
  });

  it('drops task-list check boxes', () => {
    expect(blocksOf('- [ ] open\n- [x] done')).toEqual([
      { kind: 'list-item', text: 'open' },
      { kind: 'list-item', text: 'done' },
    ]);
  });
});

describe('extractMarkdownArticle blocks', () => {
  it('keeps code block lines, fenced or indented', () => {
    expect(blocksOf('```js\nconst a = 1;\n  return a;\n```\n\n    indented\n      more\n')).toEqual(
      [
        { kind: 'preformatted', text: 'const a = 1;\n  return a;' },
        { kind: 'preformatted', text: 'indented\n  more' },
      ],
    );
  });

  it('marks lists inside quotes as list items and headings as headings', () => {
    expect(blocksOf('> ## Quoted heading\n> - quoted item\n>\n> quoted text')).toEqual([
      { kind: 'heading', text: 'Quoted heading', level: 2 },
      { kind: 'list-item', text: 'quoted item' },
      { kind: 'quote', text: 'quoted text' },
    ]);
  });

  it('reads raw HTML blocks as sanitized text', () => {
    expect(
      blocksOf(
        '<div>\n<p>From HTML</p>\n<style>p { color: red }</style>\n</div>\n\n<!-- a comment -->\n',
      ),
    ).toEqual([{ kind: 'paragraph', text: 'From HTML' }]);
  });
});

describe('extractMarkdownArticle front matter', () => {
  it('reads quoted values, comments and an author given as a map', () => {
    const draft = extractMarkdownArticle(
      [
        '---',
        "title: 'It''s a title' # trailing comment",
        'author:',
        '  name: "Ann \\"Nan\\" Lee"',
        '  email: ann@example.com',
        'date: "2024-02-29T12:00:00Z"',
        'language: ko',
        'summary: Language is C# today',
        '---',
        'Body.',
      ].join('\n'),
    );
    expect(draft).toMatchObject({
      title: "It's a title",
      byline: 'Ann "Nan" Lee',
      published: {
        kind: 'published',
        raw: '2024-02-29T12:00:00Z',
        datetime: '2024-02-29T12:00:00Z',
      },
      declaredLanguage: 'ko',
      deck: 'Language is C# today',
      blocks: [{ kind: 'paragraph', text: 'Body.' }],
    });
  });

  it('reads a flow list of authors', () => {
    expect(extractMarkdownArticle('---\nauthors: [Ann Lee, "Bo Kim"]\n---\nBody.').byline).toBe(
      'Ann Lee, Bo Kim',
    );
  });

  it('ignores a date that is not an ISO date', () => {
    expect(extractMarkdownArticle('---\ndate: last Tuesday\n---\nBody.').published).toBeNull();
  });

  it('leaves a document that merely starts with a rule untouched', () => {
    const draft = extractMarkdownArticle('---\nJust a paragraph after a rule.\n\n---\nMore text.');
    expect(draft.title).toBeNull();
    expect(draft.blocks).toEqual([
      { kind: 'paragraph', text: 'Just a paragraph after a rule.' },
      { kind: 'paragraph', text: 'More text.' },
    ]);
  });

  it('ignores a byte-order mark without front matter', () => {
    expect(blocksOf('\uFEFFBody.')).toEqual([{ kind: 'paragraph', text: 'Body.' }]);
  });

  it('accepts empty front matter and a byte-order mark', () => {
    const draft = extractMarkdownArticle('\uFEFF---\n---\n# Title\n\nBody.');
    expect(draft.title).toBe('Title');
    expect(draft.blocks).toEqual([{ kind: 'paragraph', text: 'Body.' }]);
  });
});
