import { describe, expect, it } from 'vitest';
import { parseByline } from './byline';

describe('parseByline: bylines', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe', false],
    ['by Jane Doe', 'Jane Doe', false],
    ['BY JANE DOE', 'JANE DOE', false],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe', false],
    ['By Jane Doe, Staff Reporter', 'Jane Doe, Staff Reporter', false],
    ['By Kim Min-su', 'Kim Min-su', false],
    ['By J. R. Hartley', 'J. R. Hartley', false],
    ['By Jane Doe jane@example.com', 'Jane Doe jane@example.com', false],
    ['Written by Jane Doe', 'Jane Doe', false],
    ['Jane Doe, Staff Reporter', 'Jane Doe, Staff Reporter', false],
    ['Jane Doe | Seoul Correspondent', 'Jane Doe | Seoul Correspondent', false],
    ['홍길동 기자', '홍길동 기자', true],
    ['홍길동기자', '홍길동 기자', true],
    ['홍길동 기자 hong@example.co.kr', '홍길동 기자 hong@example.co.kr', true],
    ['홍길동 기자(hong@example.co.kr)', '홍길동 기자 hong@example.co.kr', true],
    ['[홍길동 기자]', '홍길동 기자', true],
    ['홍길동·김철수 기자', '홍길동·김철수 기자', true],
    ['김영희 특파원', '김영희 특파원', true],
    ['[글 홍길동]', '홍길동', false],
    ['글·사진 홍길동 기자', '홍길동 기자', false],
    ['기자명 홍길동', '홍길동', false],
  ] as const)('%s', (line, text, signOff) => {
    expect(parseByline(line)).toEqual({ text, signOff });
  });

  it('normalizes NBSPs', () => {
    expect(parseByline('By\u00A0Jane\u00A0Doe')?.text).toBe('Jane Doe');
  });
});

describe('parseByline: not bylines', () => {
  it.each([
    'Kim Min-su is a professor of economics at Hansol University.',
    'The writer is a professor of urban planning.',
    'By the end of the year, fares had doubled.',
    'By Tuesday.',
    'by the city council',
    'Jane Doe, a nurse who rides to work',
    '해당 기자',
    '담당 기자에게 문의하세요.',
    '그 기자는 현장에 없었다.',
    'Editor’s note: this article was updated.',
    '',
  ])('%s', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});
