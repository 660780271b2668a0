import { describe, expect, it } from 'vitest';
import { classifyChromeLine, classifyChromeLines } from './chrome';

describe('classifyChromeLine: comment widgets', () => {
  it.each([
    '댓글 0',
    '댓글 12개',
    '댓글(3)',
    '기사 댓글 0',
    '댓글쓰기',
    '댓글삭제',
    '댓글을 입력해 주세요',
    '댓글을 입력하세요.',
    '삭제한 댓글은 다시 복구할 수 없습니다.',
    '그래도 삭제하시겠습니까?',
    '삭제한 댓글은 다시 복구할 수 없습니다. 그래도 삭제하시겠습니까?',
    '댓글 작성을 위해 계정을 선택해 주세요',
    '계정을 선택하시면 로그인·계정인증을 통해 댓글을 남기실 수 있습니다.',
    '로그인이 필요합니다',
    '댓글을 작성하려면 로그인해 주세요',
    '카카오 계정으로 로그인',
    'Comments (3)',
    '0 comments',
    'Comments',
    'Leave a comment',
    'Are you sure you want to delete this comment?',
    'Log in to comment',
  ])('%s', (line) => {
    expect(classifyChromeLine(line)).toBe('comments');
  });
});

describe('classifyChromeLine: share lines', () => {
  it.each([
    '이 기사를 공유합니다',
    '공유하기',
    'URL 복사',
    '페이스북 트위터 카카오톡',
    '페이스북 트위터 카카오톡 URL 복사',
    'Facebook | Twitter | Email',
    'Share this article',
    'Share on Facebook',
    'Copy link',
  ])('%s', (line) => {
    expect(classifyChromeLine(line)).toBe('share');
  });
});

describe('classifyChromeLine: translation notices', () => {
  it.each([
    '해당 언어로 번역 중입니다',
    '번역 중...',
    'Translating into English…',
    'Translating...',
  ])('%s', (line) => {
    expect(classifyChromeLine(line)).toBe('translation-notice');
  });
});

describe('classifyChromeLine: metadata bullets', () => {
  it.each([
    '• 승인 2018.02.20 15:33',
    '• 승인 2018.02.20 15:33 | 댓글 0',
    '입력 2024.01.05 09:12 수정 2024.01.05 10:00',
    '조회수 1,234',
    '조회 52',
    '기자명 홍길동',
    '글씨 키우기',
    '본문 글자 크기',
    '본문 글씨 키우기 본문 글씨 줄이기',
    '1,204 views',
    '5 min read',
    '홍길동 기자 | 승인 2018.02.20 15:33 | 조회수 1,234',
  ])('%s', (line) => {
    expect(classifyChromeLine(line)).toBe('metadata');
  });
});

describe('classifyChromeLine: copyright', () => {
  it.each([
    'ⓒ 한빛타임스 무단전재 및 재배포 금지',
    '<저작권자 © 해솔일보 무단전재 및 재배포 금지>',
    'Copyright © 2018 The Hanbit Times. All rights reserved.',
    '© 2024 Riverside Courier',
    '무단 전재 및 재배포 금지',
  ])('%s', (line) => {
    expect(classifyChromeLine(line)).toBe('copyright');
  });
});

describe('classifyChromeLine: navigation', () => {
  it.each([
    '관련기사',
    '많이 본 뉴스',
    'Related articles',
    'Back to top',
    '홈 > 오피니언 > 칼럼',
    'Home › Opinion › Columns',
    '전체메뉴 버튼',
    '로그인 회원가입',
    '전체기사 정치 경제 사회 국제 문화 오피니언',
    'Home | News | Opinion',
    '이전기사 보기',
  ])('%s', (line) => {
    expect(classifyChromeLine(line)).toBe('navigation');
  });
});

describe('classifyChromeLine: advertising', () => {
  it.each(['광고', 'Advertisement', '- Advertisement -', 'ADVERTISEMENT', 'Sponsored content'])(
    '%s',
    (line) => {
      expect(classifyChromeLine(line)).toBe('advertising');
    },
  );
});

describe('classifyChromeLine: body text is not chrome', () => {
  it.each([
    'Readers left 300 comments on the first draft of the plan.',
    'She did not want to share the details of the comment she deleted.',
    'Share prices fell after the announcement.',
    '댓글 0개가 달린 기사도 많다는 점이 문제다.',
    '그는 삭제한 댓글을 다시 복구할 수 없다는 사실을 나중에 알았다.',
    '이 기사를 공유한 독자들은 대부분 버스를 자주 타는 사람들이었다.',
    'Copyright law changed in 2020, when the court ruled on fair use.',
    'The advertisement ran for three weeks on every bus in the city.',
    '해당 언어로 번역 중인 문서는 모두 열두 건이다.',
    'Home is where the bus stops.',
    'Prices rose 3 > 2 percent in the survey, analysts said.',
    '등록',
    '취소',
    'Facebook',
    '',
  ])('%s', (line) => {
    expect(classifyChromeLine(line)).toBeNull();
  });
});

describe('classifyChromeLines: labels that are chrome only among widget lines', () => {
  it('takes 등록 and 취소 standing among comment-widget lines', () => {
    expect(
      classifyChromeLines(['댓글 작성을 위해 계정을 선택해 주세요', '', '등록', '취소', '0 / 400']),
    ).toEqual(['comments', null, 'comments', 'comments', 'comments']);
  });

  it('takes labels above a widget line too', () => {
    expect(classifyChromeLines(['최신순', '추천순', '댓글 0'])).toEqual([
      'comments',
      'comments',
      'comments',
    ]);
  });

  it('takes a lone SNS name next to share lines', () => {
    expect(classifyChromeLines(['이 기사를 공유합니다', '페이스북', '트위터'])).toEqual([
      'share',
      'share',
      'share',
    ]);
  });

  it('lets a label that fits either widget follow the one it stands in', () => {
    expect(classifyChromeLines(['Share', 'Twitter', 'Email'])).toEqual(['share', 'share', 'share']);
    expect(classifyChromeLines(['Leave a comment', 'Name', 'Email', 'Submit'])).toEqual([
      'comments',
      'comments',
      'comments',
      'comments',
    ]);
  });

  it('leaves the same labels alone in body text', () => {
    expect(classifyChromeLines(['He pressed the button.', '등록', '취소', 'Facebook'])).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
