import { describe, expect, it } from 'vitest';
import { isPublishedKind, parsePublicationStamp, parsePublicationStamps } from './stamps';

/** Whether a string is a valid HTML datetime value of the kinds stamps produce. */
function isHtmlDatetime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(value);
}

describe('parsePublicationStamp: Korean CMS stamps (Korea time)', () => {
  it.each([
    ['승인 2018.02.20 15:33', 'approved', '2018-02-20T15:33+09:00'],
    ['입력 2024.01.05 09:12', 'input', '2024-01-05T09:12+09:00'],
    ['수정 2024.01.05 10:00', 'modified', '2024-01-05T10:00+09:00'],
    ['기사입력 2024-01-05 09:12', 'input', '2024-01-05T09:12+09:00'],
    ['등록 2024.01.05 09:12', 'input', '2024-01-05T09:12+09:00'],
    ['최종수정 2024/01/05 10:00:30', 'modified', '2024-01-05T10:00:30+09:00'],
    ['입력 : 2024. 1. 5. 오후 3:07', 'input', '2024-01-05T15:07+09:00'],
    ['입력 2024년 01월 05일 09시 12분', 'input', '2024-01-05T09:12+09:00'],
    ['입력 2024.01.05(금) 09:12', 'input', '2024-01-05T09:12+09:00'],
    ['승인 2018.02.20', 'approved', '2018-02-20'],
  ] as const)('%s', (line, kind, datetime) => {
    expect(parsePublicationStamp(line)).toEqual({ kind, raw: line, datetime });
  });

  it('keeps the zone a Korean stamp writes out', () => {
    expect(parsePublicationStamp('입력 2024.01.05 00:12 UTC')?.datetime).toBe('2024-01-05T00:12Z');
  });
});

describe('parsePublicationStamp: English stamps', () => {
  it.each([
    ['Published February 20, 2018', 'published', '2018-02-20'],
    ['Published: 2018-02-20 15:33', 'published', '2018-02-20T15:33'],
    ['Published 20 Feb 2018, 3:33 PM', 'published', '2018-02-20T15:33'],
    ['Updated Feb. 21, 2018 at 9:05 a.m.', 'updated', '2018-02-21T09:05'],
    ['Posted on Tuesday, February 20, 2018', 'published', '2018-02-20'],
    ['Last updated 21 February 2018 12:00 AM', 'updated', '2018-02-21T00:00'],
    ['Published 2018-02-20 15:33 KST', 'published', '2018-02-20T15:33+09:00'],
    ['Published 2018-02-20 06:33 UTC', 'published', '2018-02-20T06:33Z'],
    ['Published 2018-02-20 15:33 GMT+9', 'published', '2018-02-20T15:33+09:00'],
    ['Updated 2018-02-20 15:33 +09:00', 'updated', '2018-02-20T15:33+09:00'],
    ['Published 2018-02-20T15:33:00+0900', 'published', '2018-02-20T15:33:00+09:00'],
    ['Modified: Feb 20, 2018 10:15 EST', 'modified', '2018-02-20T10:15-05:00'],
  ] as const)('%s', (line, kind, datetime) => {
    const stamp = parsePublicationStamp(line);
    expect(stamp).toEqual({ kind, raw: line, datetime });
    expect(isHtmlDatetime(stamp?.datetime ?? '')).toBe(true);
  });
});

describe('parsePublicationStamps: several stamps, bullets and pipes', () => {
  it('reads input and modified stamps from one line', () => {
    expect(parsePublicationStamps('입력 2024.01.05 09:12 수정 2024.01.05 10:00')).toEqual([
      { kind: 'input', raw: '입력 2024.01.05 09:12', datetime: '2024-01-05T09:12+09:00' },
      { kind: 'modified', raw: '수정 2024.01.05 10:00', datetime: '2024-01-05T10:00+09:00' },
    ]);
  });

  it('reads a stamp behind a bullet and before a pipe', () => {
    expect(parsePublicationStamp('• 승인 2018.02.20 15:33 | 댓글 0')).toEqual({
      kind: 'approved',
      raw: '승인 2018.02.20 15:33',
      datetime: '2018-02-20T15:33+09:00',
    });
  });

  it('reads English stamps separated by a pipe', () => {
    const stamps = parsePublicationStamps(
      'Published 8 Mar 2024, 7:45 AM | Updated 8 Mar 2024, 9:10 AM',
    );
    expect(stamps.map((stamp) => [stamp.kind, stamp.datetime])).toEqual([
      ['published', '2024-03-08T07:45'],
      ['updated', '2024-03-08T09:10'],
    ]);
  });

  it('reads a stamp that shares its line with a byline', () => {
    expect(parsePublicationStamp('홍길동 기자 입력 2024.01.05 09:12')?.datetime).toBe(
      '2024-01-05T09:12+09:00',
    );
    expect(parsePublicationStamp('[입력 2024.01.05 09:12]')?.raw).toBe('입력 2024.01.05 09:12');
  });

  it('normalizes NBSPs inside the stamp', () => {
    expect(parsePublicationStamp('승인\u00A02018.02.20\u00A015:33')?.raw).toBe(
      '승인 2018.02.20 15:33',
    );
  });
});

describe('parsePublicationStamp: not stamps', () => {
  it.each([
    'Published February 20, 2018, the report found that fares had doubled.',
    'The plan was published February 20, 2018 after months of debate.',
    'Updated guidance arrived in 2018.',
    '시는 2024.01.05 입력 마감을 앞두고 자료를 정리했다.',
    '재입력 2024.01.05 09:12',
    'Unpublished 2018-02-20',
    '승인 2018.13.40 15:33',
    '승인 2018.02.30',
    'Published 2018-02-20 25:61',
    '',
    '승인',
  ])('%s', (line) => {
    expect(parsePublicationStamp(line)).toBeNull();
  });
});

describe('isPublishedKind', () => {
  it('counts approval, input and publication as first publication, revisions not', () => {
    expect(['approved', 'input', 'published'].every((kind) => isPublishedKind(kind as never))).toBe(
      true,
    );
    expect(isPublishedKind('modified')).toBe(false);
    expect(isPublishedKind('updated')).toBe(false);
  });
});
