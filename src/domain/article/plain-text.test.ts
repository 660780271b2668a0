import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft, Block, PublicationStamp, RemovedLine } from './types';
import { reconstructPlainText } from './plain-text';
import { classifyChromeLine } from './chrome';
import { parseByline } from './byline';

interface Expected {
  title: string | null;
  deck: string | null;
  byline: string | null;
  published: PublicationStamp | null;
  modified: PublicationStamp | null;
  blocks: Block[];
  removed: RemovedLine[];
}

// Vitest runs from the project root.
function readFixture(name: string): string {
  return readFileSync(resolve(process.cwd(), 'tests/fixtures/articles', name), 'utf8');
}

function expected(name: string): Expected {
  return JSON.parse(readFixture(name)) as Expected;
}

function header(draft: ArticleDraft): Omit<Expected, 'blocks' | 'removed'> {
  const { title, deck, byline, published, modified } = draft;
  return { title, deck, byline, published, modified };
}

const FIXTURES = [
  'korean-cms-hardwrapped',
  'korean-cms-hardwrapped-crlf',
  'english-clean',
  'korean-news',
  'mixed-wraps',
] as const;

describe('reconstructPlainText on fixtures', () => {
  it.each(FIXTURES)('%s: header fields', (name) => {
    const want = expected(`${name}.json`);
    const draft = reconstructPlainText(readFixture(`${name}.txt`));
    expect(header(draft)).toEqual({
      title: want.title,
      deck: want.deck,
      byline: want.byline,
      published: want.published,
      modified: want.modified,
    });
    expect(draft.format).toBe('text');
  });

  it.each(FIXTURES)('%s: body blocks, word for word', (name) => {
    const draft = reconstructPlainText(readFixture(`${name}.txt`));
    expect(draft.blocks).toEqual(expected(`${name}.json`).blocks);
  });

  it.each(FIXTURES)('%s: removed lines and their reasons', (name) => {
    const draft = reconstructPlainText(readFixture(`${name}.txt`));
    expect(draft.removed).toEqual(expected(`${name}.json`).removed);
  });

  it.each(FIXTURES)('%s: no chrome, stamp, byline or title copy survives in the body', (name) => {
    const draft = reconstructPlainText(readFixture(`${name}.txt`));
    for (const block of draft.blocks) {
      expect(classifyChromeLine(block.text)).toBeNull();
      expect(block.text).not.toBe(draft.title);
      expect(block.text).not.toBe(draft.byline);
      expect(block.text).not.toContain('\u00A0');
      expect(block.text).not.toMatch(/\s{2}|^\s|\s$/);
    }
    for (const { text } of draft.removed) {
      expect(draft.blocks.some((block) => block.text === text)).toBe(false);
    }
  });

  it('the CRLF copy with paragraph gaps gives the same article as the blank-between-every-line copy', () => {
    const a = reconstructPlainText(readFixture('korean-cms-hardwrapped.txt'));
    const b = reconstructPlainText(readFixture('korean-cms-hardwrapped-crlf.txt'));
    expect(b).toEqual(a);
  });

  it('the start-page sample is the hard-wrapped op-ed', () => {
    const sample = readFileSync(resolve(process.cwd(), 'public/samples/op-ed-transit.txt'), 'utf8');
    expect(sample).toBe(readFixture('korean-cms-hardwrapped.txt'));
  });
});

describe('reconstructPlainText options and output fields', () => {
  it('a given title wins, and its copies in the text are removed as duplicates', () => {
    const text = 'Site Name\nThe Real Title Here\nBy Jane Doe\nBody sentence one.\n';
    const draft = reconstructPlainText(text, { title: 'The Real Title Here' });
    expect(draft.title).toBe('The Real Title Here');
    expect(draft.removed).toContainEqual({
      text: 'The Real Title Here',
      reason: 'duplicate-title',
    });
    expect(draft.blocks).toEqual([{ kind: 'paragraph', text: 'Body sentence one.' }]);
  });

  it('a given title that the text does not contain leaves the body alone', () => {
    const text = 'First paragraph here.\nSecond paragraph here.';
    const draft = reconstructPlainText(text, { title: 'Elsewhere' });
    expect(draft.title).toBe('Elsewhere');
    expect(draft.blocks.map((block) => block.text)).toEqual([
      'First paragraph here.',
      'Second paragraph here.',
    ]);
  });

  it('a given title matches its copy despite curly quotes, case and NBSPs', () => {
    const text = 'SEOUL’S\u00A0BUSES ARE BETTER\nThe body starts here and goes on.';
    const draft = reconstructPlainText(text, { title: "Seoul's Buses Are Better" });
    expect(draft.removed).toEqual([
      { text: 'SEOUL’S BUSES ARE BETTER', reason: 'duplicate-title' },
    ]);
  });

  it('records the URL and leaves the declared language to other ingest paths', () => {
    const draft = reconstructPlainText('Hello there.', { url: 'https://example.com/a' });
    expect(draft.sourceUrl).toBe('https://example.com/a');
    expect(draft.declaredLanguage).toBeNull();
  });
});

describe('reconstructPlainText with English site chrome', () => {
  const page = [
    'Skip to main content',
    'Menu',
    'Opinion',
    'Why Night Buses Matter',
    'They carry the workers a city cannot run without.',
    'By Jane Doe and John Roe',
    'Published: 2018-02-20 15:33',
    'Updated 21 Feb 2018, 9:05 AM KST',
    'Share',
    'Facebook',
    'Email',
    'Every night, a few thousand people ride home after midnight.',
    'Advertisement',
    'Most of them are cleaners, cooks and nurses.',
    '0 comments',
    'Leave a comment',
    'Submit',
    'Cancel',
    'Translating into Korean…',
    'Back to top',
    'Copyright © 2018 Night Owl Press. All rights reserved.',
  ].join('\n');

  it('fills the header and keeps only the article in the body', () => {
    const draft = reconstructPlainText(page);
    expect(header(draft)).toEqual({
      title: 'Why Night Buses Matter',
      deck: 'They carry the workers a city cannot run without.',
      byline: 'Jane Doe and John Roe',
      published: {
        kind: 'published',
        raw: 'Published: 2018-02-20 15:33',
        datetime: '2018-02-20T15:33',
      },
      modified: {
        kind: 'updated',
        raw: 'Updated 21 Feb 2018, 9:05 AM KST',
        datetime: '2018-02-21T09:05+09:00',
      },
    });
    expect(draft.blocks).toEqual([
      { kind: 'paragraph', text: 'Every night, a few thousand people ride home after midnight.' },
      { kind: 'paragraph', text: 'Most of them are cleaners, cooks and nurses.' },
    ]);
    expect(draft.removed.map((line) => line.reason)).toEqual([
      'navigation',
      'navigation',
      'navigation',
      'metadata',
      'metadata',
      'metadata',
      'share',
      'share',
      'share',
      'advertising',
      'comments',
      'comments',
      'comments',
      'comments',
      'translation-notice',
      'navigation',
      'copyright',
    ]);
  });
});

describe('reconstructPlainText title detection', () => {
  it('takes the first line when it reads like a headline and stands alone', () => {
    const draft = reconstructPlainText(
      'Buses Deserve Better Maps\nThe network is good. The maps are not.',
    );
    expect(draft.title).toBe('Buses Deserve Better Maps');
    expect(draft.blocks).toEqual([
      { kind: 'paragraph', text: 'The network is good. The maps are not.' },
    ]);
  });

  it('does not take a first paragraph as the title', () => {
    const draft = reconstructPlainText(
      'The network is good, but the maps are not.\nSo we drew new ones.',
    );
    expect(draft.title).toBeNull();
    expect(draft.blocks).toHaveLength(2);
  });

  it('does not take the first line of a wrapped paragraph as the title', () => {
    const text = [
      'Buses in my neighbourhood run every eight minutes, which is',
      'more often than most people believe when they first arrive',
      'here and look at the timetable pinned to the shelter wall.',
      'Nobody reads it anyway, because the screens are better now.',
    ].join('\n');
    const draft = reconstructPlainText(text);
    expect(draft.title).toBeNull();
    expect(draft.blocks).toHaveLength(1);
  });

  it('finds the title by its repeat and drops the masthead above it', () => {
    const text = [
      'The Hanbit Times',
      'Opinion',
      'A Quiet Case for Night Buses',
      'Night buses carry the people cities forget.',
      'A Quiet Case for Night Buses',
      'Every night a few thousand people ride home after midnight.',
    ].join('\n');
    const draft = reconstructPlainText(text);
    expect(draft.title).toBe('A Quiet Case for Night Buses');
    expect(draft.deck).toBe('Night buses carry the people cities forget.');
    expect(draft.removed).toEqual([
      { text: 'The Hanbit Times', reason: 'navigation' },
      { text: 'Opinion', reason: 'navigation' },
      { text: 'A Quiet Case for Night Buses', reason: 'duplicate-title' },
    ]);
    expect(draft.blocks).toEqual([
      { kind: 'paragraph', text: 'Every night a few thousand people ride home after midnight.' },
    ]);
  });

  it('takes no deck when the title is directly followed by the body', () => {
    const text = 'A Quiet Case for Night Buses\nBy Jane Doe\nEvery night people ride home.';
    const draft = reconstructPlainText(text);
    expect(draft.title).toBe('A Quiet Case for Night Buses');
    expect(draft.deck).toBeNull();
    expect(draft.byline).toBe('Jane Doe');
  });

  it('takes no deck when two lines stand between title and byline', () => {
    const text = [
      'A Quiet Case for Night Buses',
      'First candidate line for a deck',
      'Second candidate line for a deck',
      'By Jane Doe',
      'Every night people ride home.',
    ].join('\n');
    const draft = reconstructPlainText(text);
    expect(draft.deck).toBeNull();
    expect(draft.blocks.map((block) => block.text)).toEqual([
      'First candidate line for a deck',
      'Second candidate line for a deck',
      'Every night people ride home.',
    ]);
  });
});

describe('reconstructPlainText byline and stamps', () => {
  it('keeps an op-ed contributor note at the end in the body', () => {
    const text = [
      'Why Fares Should Stay Low',
      'By Kim Min-su',
      'Cheap fares fill buses. Full buses justify more buses.',
      'Kim Min-su is a professor of economics at Hansol University.',
    ].join('\n');
    const draft = reconstructPlainText(text);
    expect(draft.byline).toBe('Kim Min-su');
    expect(draft.blocks.at(-1)).toEqual({
      kind: 'paragraph',
      text: 'Kim Min-su is a professor of economics at Hansol University.',
    });
  });

  it('takes a Korean reporter sign-off at the end as the byline', () => {
    const text =
      '도서관 운영 시간 연장\n\n시가 도서관 운영 시간을 늘린다고 밝혔다.\n\n홍길동 기자 hong@example.co.kr';
    const draft = reconstructPlainText(text);
    expect(draft.byline).toBe('홍길동 기자 hong@example.co.kr');
    expect(draft.blocks).toEqual([
      { kind: 'paragraph', text: '시가 도서관 운영 시간을 늘린다고 밝혔다.' },
    ]);
  });

  it('keeps reflowing a short wrapped article that ends in a sign-off', () => {
    const text = [
      '도서관 운영 시간 연장',
      '',
      '해솔시가 다음 달부터 관내 공공도서관 10곳의 평일 운영 시간을',
      '밤 10시까지 연장한다고 5일 밝혔다.',
      '',
      '홍길동 기자',
    ].join('\n');
    const draft = reconstructPlainText(text);
    expect(draft.title).toBe('도서관 운영 시간 연장');
    expect(draft.byline).toBe('홍길동 기자');
    expect(draft.blocks).toEqual([
      {
        kind: 'paragraph',
        text: '해솔시가 다음 달부터 관내 공공도서관 10곳의 평일 운영 시간을 밤 10시까지 연장한다고 5일 밝혔다.',
      },
    ]);
  });

  it('reads stamps behind bullets and pipes into published and modified', () => {
    const text = [
      '버스 노선 개편안 발표',
      '• 승인 2018.02.20 15:33 | 댓글 0',
      '수정 2018.02.21 09:00',
      '시가 버스 노선 개편안을 발표했다.',
    ].join('\n');
    const draft = reconstructPlainText(text);
    expect(draft.published).toEqual({
      kind: 'approved',
      raw: '승인 2018.02.20 15:33',
      datetime: '2018-02-20T15:33+09:00',
    });
    expect(draft.modified?.datetime).toBe('2018-02-21T09:00+09:00');
    expect(draft.removed.map((line) => line.reason)).toEqual(['metadata', 'metadata']);
  });

  it('takes a byline that shares its line with a stamp', () => {
    const draft = reconstructPlainText(
      '버스 노선 개편안 발표\n홍길동 기자 | 입력 2024.01.05 09:12\n시가 버스 노선 개편안을 발표했다.',
    );
    expect(draft.byline).toBe('홍길동 기자');
    expect(draft.published?.datetime).toBe('2024-01-05T09:12+09:00');
  });
});

describe('reconstructPlainText robustness', () => {
  it('returns an empty draft for empty and whitespace-only input', () => {
    for (const text of ['', '   ', '\n\n\t\n', '\u00A0\r\n\r\n']) {
      const draft = reconstructPlainText(text);
      expect(draft.blocks).toEqual([]);
      expect(draft.title).toBeNull();
      expect(draft.removed).toEqual([]);
    }
  });

  it('handles a single line', () => {
    expect(reconstructPlainText('Just one sentence here.').blocks).toEqual([
      { kind: 'paragraph', text: 'Just one sentence here.' },
    ]);
  });

  it('treats CR, CRLF and LF line endings alike, and tabs as spaces', () => {
    const lf = 'Line one ends here.\nLine two\tcontinues.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const cr = lf.replace(/\n/g, '\r');
    const expectedBlocks = reconstructPlainText(lf).blocks;
    expect(expectedBlocks).toEqual([
      { kind: 'paragraph', text: 'Line one ends here.' },
      { kind: 'paragraph', text: 'Line two continues.' },
    ]);
    expect(reconstructPlainText(crlf).blocks).toEqual(expectedBlocks);
    expect(reconstructPlainText(cr).blocks).toEqual(expectedBlocks);
  });

  it('ignores a byte-order mark', () => {
    expect(reconstructPlainText('\uFEFFHello there.').blocks).toEqual([
      { kind: 'paragraph', text: 'Hello there.' },
    ]);
  });

  it('is idempotent: its own output, written out as text, reconstructs to the same article', () => {
    for (const name of FIXTURES) {
      const draft = reconstructPlainText(readFixture(`${name}.txt`));
      const written = [
        draft.title,
        draft.deck,
        draft.byline === null || parseByline(draft.byline) ? draft.byline : `By ${draft.byline}`,
        draft.published?.raw,
        draft.modified?.raw,
        ...draft.blocks.map((block) =>
          block.kind === 'list-item' ? `- ${block.text}` : block.text,
        ),
      ]
        .filter((part): part is string => typeof part === 'string')
        .join('\n\n');
      const again = reconstructPlainText(written);
      expect(again.title).toBe(draft.title);
      expect(again.deck).toBe(draft.deck);
      expect(again.published).toEqual(draft.published);
      expect(again.modified).toEqual(draft.modified);
      expect(again.blocks).toEqual(draft.blocks);
    }
  });

  it('reconstructs a large paste', () => {
    const article = readFixture('korean-cms-hardwrapped.txt');
    const text = article.repeat(200);
    const draft = reconstructPlainText(text);
    expect(draft.title).toBe("Seoul's Buses Are Better Than Their Reputation");
    expect(draft.blocks.length).toBeGreaterThan(200);
  });
});

describe('publication stamp precedence', () => {
  it('shows the approval time when a CMS prints both 입력 and 승인', () => {
    const draft = reconstructPlainText(
      [
        '강변 도서관, 밤 열 시까지 문 연다',
        '',
        '입력 2018.02.19 09:12 | 승인 2018.02.20 15:33',
        '',
        '시립 강변도서관이 다음 달부터 평일 운영 시간을 오후 열 시까지 늘린다.',
      ].join('\n'),
    );
    expect(draft.published?.kind).toBe('approved');
    expect(draft.published?.datetime).toBe('2018-02-20T15:33+09:00');
  });
});
