/**
 * Site chrome: the lines a copy of a news page drags along that are not the article — comment
 * widgets, share buttons, "translating…" notices, metadata bullets, copyright notices, menus,
 * ad labels — in Korean and English.
 *
 * The rule is conservative: a line is chrome only when the whole line (after bullets and
 * enclosing brackets) is one of these shapes. A sentence that merely mentions comments or
 * sharing never matches. Some labels (`등록`, `취소`, a lone SNS name) are only chrome next to
 * other widget lines; {@link classifyChromeLines} decides those from their neighbours.
 */
import type { ChromeReason } from './types';
import { parseByline } from './byline';
import { charSet, normalizeSpaces } from './line-shape';
import { parsePublicationStamps } from './stamps';

/** Longest line that can still be chrome; anything longer is prose. */
const MAX_CHROME_LENGTH = 200;

const EDGE_BULLETS = /^[•·∙▶►▷▸■□◆◇○●※☞→▲△▼▽*\-–—\s]+|[•·∙◀◁■□◆◇○●\-–—\s]+$/gu;
const EDGE_BULLET_CHARS = charSet('•·∙▶►▷▸■□◆◇○●※☞→▲△▼▽◀◁*-–—');
const ENCLOSING = /^[<[(【〔「](.*)[>\])】〕」]$/u;
const OPENERS = charSet('<[(【〔「');

/** The line without spaces at the ends, edge bullets or enclosing brackets. */
function strip(line: string): string {
  let text = normalizeSpaces(line);
  if (EDGE_BULLET_CHARS.has(text[0] ?? '') || EDGE_BULLET_CHARS.has(text.at(-1) ?? '')) {
    text = text.replace(EDGE_BULLETS, '');
  }
  if (OPENERS.has(text[0] ?? '')) {
    const enclosed = ENCLOSING.exec(text);
    if (enclosed?.[1] !== undefined) text = enclosed[1].trim();
  }
  return text;
}

const COUNT = String.raw`\d[\d,]*`;

const TRANSLATION_NOTICE: readonly RegExp[] = [
  /^(?:해당\s*언어로\s*)?번역\s*중(?:입니다)?\s*(?:\.{1,3}|…)?$/u,
  /^(?:다른\s*언어로\s*)?번역(?:하기|\s*보기)$/u,
  /^(?:언어\s*선택|다국어\s*(?:서비스|번역)|원문\s*보기|자동\s*번역)$/u,
  /^(?:now\s+)?translating(?:\s+(?:in)?to\s+[\p{L} ()-]{1,40})?\s*(?:\.{1,3}|…)?$/iu,
  /^translation in progress\s*(?:\.{1,3}|…)?$/i,
  /^(?:select|choose) (?:a |your )?language$/i,
  /^(?:powered by\s+)?google\s*(?:번역|translate)$/i,
  /^(?:see|show|view) original(?: text)?$/i,
];

const COMMENT_WIDGET: readonly RegExp[] = [
  new RegExp(
    String.raw`^(?:기사\s*)?댓글\s*(?:${COUNT}\s*(?:개|건)?|\(\s*${COUNT}\s*\)|\[\s*${COUNT}\s*\])?$`,
    'u',
  ),
  /^댓글\s*(?:쓰기|달기|작성(?:하기)?|삭제|수정|보기|더\s*보기|닫기|접기|펼치기|모음|정렬|운영\s*원칙|정책|입력)$/u,
  /^(?:내|나의)\s*댓글(?:\s*모음)?$/u,
  /^(?:첫\s*(?:번째\s*)?)?댓글을?\s*(?:입력|작성|남기|남겨|달아|써)\S*\s*(?:주세요|주십시오|하세요|보세요)\s*[.!]?$/u,
  /^(?:(?:삭제한\s*댓글은\s*(?:다시\s*)?복구할\s*수\s*없습니다|(?:그래도|정말|댓글을)?\s*삭제하시겠습니까)\s*[.?!]?\s*)+$/u,
  /^(?:댓글\s*(?:작성|쓰기)을?\s*위해\s*)?계정을\s*선택(?:해\s*주세요|하세요|하시면.{0,30}댓글을\s*남기실\s*수\s*있습니다)\s*\.?$/u,
  /^(?:댓글을?\s*(?:작성|쓰|달|남기)\S*\s*(?:위해서는|려면)\s*)?로그인(?:이|을)?\s*(?:필요합니다|해\s*주세요|하세요|후\s*(?:이용|작성|댓글).{0,20})\s*[.!]?$/u,
  /^(?:카카오|네이버|구글|페이스북|애플|트위터|kakao|naver|google|facebook|apple|twitter)\s*(?:계정으로\s*)?로그인$/iu,
  new RegExp(
    String.raw`^(?:(?:${COUNT}\s+)?comments?(?:\s*(?::\s*${COUNT}|\(\s*${COUNT}\s*\)|\[\s*${COUNT}\s*\]))?|${COUNT}\s+(?:comments?|replies))$`,
    'i',
  ),
  /^(?:leave|post|add|write|view|show|hide|load|read|see)\s+(?:a\s+|all\s+|more\s+|the\s+)?(?:\d+\s+)?(?:comments?|replies)$/i,
  /^(?:be the first to comment|join the (?:conversation|discussion))\s*[.!]?$/i,
  /^(?:are you sure you want to delete (?:this|your) comment\??|deleted comments cannot be (?:recovered|restored)\.?|this (?:action|comment) cannot be undone\.?)$/i,
  /^(?:please\s+)?(?:log|sign)\s*in\s+(?:to|before you)\s+(?:comment|post a comment|reply|leave a comment|join the (?:conversation|discussion))\s*[.!]?$/i,
  /^you must be (?:logged|signed) in to (?:post a )?comment\s*\.?$/i,
  /^(?:choose|select) an account to (?:comment|continue)\s*\.?$/i,
];

const SNS_NAMES = String.raw`(?:페이스북|트위터|엑스|카카오톡|카카오\s*스토리|카카오|네이버\s*밴드|네이버\s*블로그|밴드|블로그|라인|텔레그램|링크드인|인스타그램|URL\s*복사|링크\s*복사|주소\s*복사|이메일|메일|facebook|twitter|x|kakaotalk|kakao\s*story|kakao|naver\s*band|band|line|telegram|linkedin|reddit|whatsapp|pinterest|instagram|email|e-mail|copy\s+link|url)`;
const SNS_LIST = new RegExp(String.raw`^${SNS_NAMES}(?:\s*[|,·/]?\s*${SNS_NAMES}){1,12}$`, 'iu');

const SHARE_LINES: readonly RegExp[] = [
  /^(?:이\s*)?기사를?\s*공유(?:합니다|하기|하세요)?$/u,
  /^(?:sns\s*)?공유(?:하기)?$/iu,
  /^(?:url|링크|주소)\s*복사(?:하기)?$/iu,
  /^(?:기사\s*)?(?:스크랩|저장|인쇄|프린트)(?:하기)?$/u,
  /^(?:이?메일|기사)\s*보내기$/u,
  /^share(?:\s+this)?(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via)\s+[\w ]{1,20})?\s*:?$/i,
  /^(?:copy\s+(?:the\s+)?link|link\s+copied|(?:email|print|tweet)\s+this(?:\s+(?:article|story))?)$/i,
  SNS_LIST,
];

const COPYRIGHT: readonly RegExp[] = [
  /^(?:ⓒ|©|\(c\)\s*\d{4}|저작권자\s*(?:ⓒ|©|\(c\)))/iu,
  /^copyright\s*(?:ⓒ|©|\(c\)|\d{4})/i,
  /(?:무단\s*(?:전재|복제|배포)|재배포).{0,20}(?:금지|금함|금합니다)\s*[.>\]]?$/u,
  /all rights reserved\s*\.?$/i,
];

const ADVERTISING: readonly RegExp[] = [
  /^(?:광고|ad|ads|advertisement|advertising|sponsored(?:\s+(?:content|post|by\s+.{1,40}))?|스폰서(?:드)?(?:\s*콘텐츠)?|협찬|promoted|paid\s+(?:content|post))$/iu,
  /^(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?$/i,
  /^(?:continue reading below|기사\s*계속|기사\s*이어집니다)$/iu,
];

const SECTION_NAMES = new Set(
  [
    '홈',
    '전체기사',
    '전체',
    '뉴스',
    '정치',
    '경제',
    '사회',
    '국제',
    '세계',
    '문화',
    '오피니언',
    '스포츠',
    '연예',
    '라이프',
    '칼럼',
    '사설',
    '포토',
    '영상',
    '지역',
    '전국',
    '과학',
    '피플',
    '인물',
    '기획',
    '이슈',
    '산업',
    '금융',
    '부동산',
    '교육',
    '건강',
    '여행',
    'it',
    'home',
    'news',
    'politics',
    'business',
    'economy',
    'society',
    'national',
    'world',
    'opinion',
    'culture',
    'sports',
    'entertainment',
    'lifestyle',
    'life',
    'columns',
    'column',
    'editorials',
    'photos',
    'video',
    'tech',
    'science',
    'health',
    'travel',
    'education',
  ].map((name) => name.toLowerCase()),
);

const FIXED_NAVIGATION: readonly RegExp[] = [
  /^(?:전체\s*메뉴|주\s*메뉴|메뉴)(?:\s*(?:버튼|열기|닫기|보기))?$/u,
  /^검색(?:하기|\s*버튼|\s*열기|\s*닫기)?$/u,
  /^검색어를\s*입력(?:해\s*주세요|하세요)\s*\.?$/u,
  /^(?:로그인|회원가입|로그아웃|마이\s*페이지|구독(?:하기)?|뉴스레터(?:\s*신청)?)(?:\s*[|/·]?\s*(?:로그인|회원가입|로그아웃|마이\s*페이지|구독(?:하기)?))*$/u,
  /^(?:본문|주\s*메뉴)?\s*바로\s*가기$/u,
  /^(?:맨\s*위로|위로\s*가기|상단으로(?:\s*이동)?|top|▲\s*top)$/iu,
  /^(?:관련\s*(?:기사|뉴스)|많이\s*본\s*(?:뉴스|기사)|인기\s*(?:기사|뉴스)|최신\s*(?:기사|뉴스)|주요\s*(?:기사|뉴스)|추천\s*(?:기사|뉴스)|이\s*기자의\s*다른\s*기사|기자의\s*다른\s*기사|(?:이전|다음)\s*기사(?:\s*보기)?|(?:기사\s*)?목록(?:으로)?)$/u,
  /^(?:menu|search|home|skip to (?:main )?content|skip navigation|back to top|related (?:articles|stories|news|posts|content|coverage)|most (?:read|popular|viewed)|trending(?: now)?|latest (?:news|stories)|(?:previous|next) (?:article|story)|read more|more (?:stories|news|articles)(?: from [\p{L} ]{1,40})?)$/iu,
  /^(?:log\s*in|sign\s*in|sign\s*up|register|subscribe|log\s*out)(?:\s*[|/]\s*(?:log\s*in|sign\s*in|sign\s*up|register|subscribe|log\s*out))*$/i,
];

const BREADCRUMB_SEPARATOR = /\s*[>›»〉]\s*/u;

function isBreadcrumb(text: string): boolean {
  if (!/[>›»〉]/u.test(text)) return false;
  const parts = text.split(BREADCRUMB_SEPARATOR).filter((part) => part.length > 0);
  if (parts.length < 2) return false;
  return parts.every(
    (part) => part.length <= 25 && part.split(' ').length <= 4 && !/[.!?。]$/u.test(part),
  );
}

/** A section name at the start of a line: most lines fail here without allocating anything. */
const STARTS_WITH_SECTION = new RegExp(`^(?:${[...SECTION_NAMES].join('|')})(?:[\\s|·/]|$)`, 'iu');

function isSectionMenu(text: string): boolean {
  if (text.length > 120 || !STARTS_WITH_SECTION.test(text)) return false;
  const items = text.split(/\s*[|·/]\s*|\s+/u).filter((item) => item.length > 0);
  return items.length >= 3 && items.every((item) => SECTION_NAMES.has(item.toLowerCase()));
}

const METADATA: readonly RegExp[] = [
  new RegExp(
    String.raw`^(?:조회\s*수?|views?|hits|읽음)\s*[:：]?\s*${COUNT}\s*(?:회)?$|^${COUNT}\s*(?:views?|reads?)$`,
    'iu',
  ),
  /^기자명\s*[:：]?\s*[가-힣A-Za-z .·]{2,30}$/u,
  /^(?:(?:본문\s*)?(?:글씨|글자|폰트|텍스트)\s*(?:크기)?\s*(?:키우기|줄이기|크게|작게|확대|축소|크기|설정|조절|변경|보기)?\s*)+$/u,
  /^(?:가[+-]?\s*){1,5}$/u,
  /^(?:font|text)\s*size(?:\s*[:+-])?$|^(?:A[+-]?\s*){2,4}$/iu,
  /^\d+\s*min(?:ute)?s?\s*read$|^(?:reading time|읽는\s*시간)\s*[:：]?\s*\d+\s*(?:min(?:utes?)?|분)$/iu,
];

/** Each family of whole-line patterns, in priority order. */
const FAMILIES: readonly (readonly [ChromeReason, readonly RegExp[]])[] = [
  ['translation-notice', TRANSLATION_NOTICE],
  ['comments', COMMENT_WIDGET],
  ['share', SHARE_LINES],
  ['copyright', COPYRIGHT],
  ['advertising', ADVERTISING],
  ['navigation', FIXED_NAVIGATION],
  ['metadata', METADATA],
];

/**
 * All families in one case-insensitive regex, one capture group per family: a single pass per
 * line instead of one per pattern, which matters on multi-megabyte pastes. Every pattern is
 * anchored, so the first family that matches wins.
 */
const WHOLE_LINE = new RegExp(
  FAMILIES.map(
    ([, patterns]) => `(${patterns.map((pattern) => `(?:${pattern.source})`).join('|')})`,
  ).join('|'),
  'iu',
);

function classifyWhole(text: string): ChromeReason | null {
  const match = WHOLE_LINE.exec(text);
  if (match) {
    for (let family = 0; family < FAMILIES.length; family++) {
      if (match[family + 1] !== undefined) return FAMILIES[family]?.[0] ?? null;
    }
  }
  return isBreadcrumb(text) || isSectionMenu(text) ? 'navigation' : null;
}

const SEGMENT_SEPARATOR = /\s*(?:[|｜│]|\sㅣ\s|\s[·•∙]\s|\s\/\s)\s*/u;
/** Stamp lines and metadata bundles (`홍길동 기자 | 승인 … | 댓글 0`) stay well under this. */
const MAX_SEGMENTED_LENGTH = 150;
const MAY_HAVE_SEPARATOR = /[|｜│ㅣ·•∙/]/u;
const HAS_SEGMENT_SEPARATOR = /[|｜│]|\s[ㅣ·•∙/]\s/u;

/** {@link classifyChromeLine} on a line already stripped of edge bullets and brackets. */
function classifyStripped(text: string): ChromeReason | null {
  if (text.length === 0 || text.length > MAX_CHROME_LENGTH) return null;
  const whole = classifyWhole(text);
  if (whole !== null) return whole;
  if (text.length > MAX_SEGMENTED_LENGTH) return null;
  if (parsePublicationStamps(text).length > 0) return 'metadata';
  if (!MAY_HAVE_SEPARATOR.test(text) || !HAS_SEGMENT_SEPARATOR.test(text)) return null;
  const segments = text.split(SEGMENT_SEPARATOR).map(strip);
  let common: ChromeReason | null = null;
  let mixed = false;
  for (const segment of segments) {
    if (segment.length === 0) continue;
    const reason =
      classifyWhole(segment) ??
      (parsePublicationStamps(segment).length > 0 || parseByline(segment) !== null
        ? 'metadata'
        : null);
    if (reason === null) return null;
    if (common === null) common = reason;
    else if (common !== reason) mixed = true;
  }
  return mixed ? 'metadata' : common;
}

/**
 * Why a whole line is site chrome, or null when it may be article text. Lines that bundle several
 * metadata items (`• 승인 2018.02.20 15:33 | 댓글 0`) are `metadata`.
 */
export function classifyChromeLine(line: string): ChromeReason | null {
  return classifyStripped(strip(line));
}

const MAX_WIDGET_LABEL_LENGTH = 30;

/** Labels that are widget buttons only when they stand among comment-widget lines. */
const COMMENT_WIDGET_WORDS = new RegExp(
  String.raw`^(?:등록(?:하기)?|취소|확인|닫기|삭제|수정|답글(?:\s*(?:쓰기|달기))?|신고(?:하기)?|추천|비추천|좋아요|싫어요|공감|비공감|최신순|추천순|공감순|과거순|오래된순|선택(?:하기)?|더\s*보기|이전|다음|비밀번호|닉네임|이름|아이디|작성자|내용|로그인|회원가입|submit|cancel|reply|report|post(?:\s+comment)?|delete|edit|like|dislike|newest|oldest|best|sort\s+by|load\s+more|show\s+more|name|email|password|ok|confirm|close|log\s*in|sign\s*in|\(?\s*${COUNT}\s*/\s*${COUNT}\s*\)?\s*(?:자|bytes?|characters?)?)$`,
  'iu',
);

/** Labels that are share buttons only when they stand among share lines. */
const SHARE_WIDGET_WORDS = new RegExp(
  String.raw`^(?:${SNS_NAMES}|인쇄|스크랩|저장|복사|닫기|print|save|copy|close)$`,
  'iu',
);

/**
 * {@link classifyChromeLine} for a run of lines, adding the labels that are only chrome in
 * context: `등록`/`취소`/`Submit` next to comment-widget lines, a lone `페이스북` next to share
 * lines. Blank lines are transparent (copies often put one between every line) and come back as
 * null. Two passes (down, then up) let a chain of such labels inherit from a widget line on
 * either side while staying linear.
 */
export function classifyChromeLines(lines: readonly string[]): (ChromeReason | null)[] {
  const reasons: (ChromeReason | null)[] = [];
  // Which widget a label may belong to; `닫기`, `Email` and the like belong to both.
  const commentLabel: boolean[] = [];
  const shareLabel: boolean[] = [];
  const blank: boolean[] = [];
  for (const line of lines) {
    const text = strip(line);
    const label = text.length > 0 && text.length <= MAX_WIDGET_LABEL_LENGTH;
    blank.push(text.length === 0);
    reasons.push(text.length === 0 ? null : classifyStripped(text));
    commentLabel.push(label && COMMENT_WIDGET_WORDS.test(text));
    shareLabel.push(label && SHARE_WIDGET_WORDS.test(text));
  }
  const inherit = (order: number[]): void => {
    let previous: ChromeReason | null = null;
    for (const i of order) {
      if (blank[i] === true) continue;
      if (reasons[i] === null) {
        if (previous === 'comments' && commentLabel[i] === true) reasons[i] = 'comments';
        else if (previous === 'share' && shareLabel[i] === true) reasons[i] = 'share';
      }
      previous = reasons[i] ?? null;
    }
  };
  const indexes = lines.map((_, i) => i);
  inherit(indexes);
  inherit(indexes.reverse());
  return reasons;
}
