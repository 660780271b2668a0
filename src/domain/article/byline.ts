/**
 * Byline lines: `By Jane Doe`, `Jane Doe, Staff Reporter`, `Written by …`, `홍길동 기자`,
 * `홍길동 기자 hong@example.co.kr`, `[글 홍길동]`, `기자명 홍길동`.
 *
 * Only whole lines that are nothing but a byline match: a name made of capitalised words (or a
 * 2–4 syllable Hangul name) plus the byline's own furniture (introducer, role, email). A sentence
 * about a person ("Kim Min-su is a professor of economics at …") never matches, so an op-ed's
 * closing contributor note stays in the body where it belongs.
 */
import { normalizeSpaces } from './line-shape';

export interface BylineMatch {
  /** The byline as shown: introducers ("By", "글") and brackets dropped, name and role kept. */
  text: string;
  /**
   * Korean reporter sign-offs (`홍길동 기자 hong@…`) close articles as often as they open them,
   * so they count wherever they stand; other shapes only count in the header.
   */
  signOff: boolean;
}

const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;

// One word of a Latin-script name: a capitalised word, an initial, or a lowercase particle.
const NAME_WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}|(?:de|da|di|van|von|der|den|del|la|le|du|bin|al|dos)(?=\s))`;
const LATIN_NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,4}(?:,?\s+(?:Jr|Sr)\.|\s+I{2,3})?`;
const HANGUL_NAME = String.raw`[가-힣]{2,4}`;
const ANY_NAME = String.raw`(?:${LATIN_NAME}|${HANGUL_NAME})`;
const NAME_LIST = String.raw`${ANY_NAME}(?:\s*(?:,|&|and)\s*${ANY_NAME}){0,3}`;
const ROLE_TEXT = String.raw`[^.!?。]{1,60}`;

const BY_LINE = new RegExp(
  String.raw`^(?:[Bb]y|BY|(?:[Ww]ritten|[Ww]ords|[Ss]tory|[Rr]eporting|[Tt]ext|[Pp]osted)\s+(?:[Bb]y)|WRITTEN\s+BY)\s*:?\s+(${NAME_LIST}(?:\s*[,|–—]\s*${ROLE_TEXT})?)(?:\s*[(<]?(${EMAIL})[)>]?)?$`,
  'u',
);

const ROLE_WORDS =
  /\b(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|critic|bureau chief|staff)\b/i;
const NAME_WITH_ROLE = new RegExp(
  String.raw`^(${NAME_WORD}(?:\s+${NAME_WORD}){1,3})\s*[,|–—]\s*(${ROLE_TEXT})(?:\s*[(<]?(${EMAIL})[)>]?)?$`,
  'u',
);

const KOREAN_ROLE = String.raw`(?:선임기자|수석기자|전문기자|객원기자|수습기자|인턴기자|취재기자|사진기자|영상기자|기자|특파원|객원논설위원|논설위원|편집위원|칼럼니스트|통신원|에디터)`;
const KOREAN_NAMES = String.raw`${HANGUL_NAME}(?:\s*[·ㆍ,]\s*${HANGUL_NAME})*`;
const KOREAN_REPORTER = new RegExp(
  String.raw`^[[(【]?\s*(${KOREAN_NAMES})\s*(${KOREAN_ROLE})\s*[\])】]?(?:\s*[(<]?\s*(${EMAIL})\s*[)>]?)?$`,
  'u',
);
const KOREAN_WRITER = new RegExp(
  String.raw`^[[(【]?\s*(?:글\s*[·ㆍ/]\s*사진|사진\s*[·ㆍ/]\s*글|글|정리)\s*[=:]?\s*(${HANGUL_NAME}(?:\s*${KOREAN_ROLE})?)\s*[\])】]?$`,
  'u',
);
const KOREAN_NAME_FIELD = new RegExp(String.raw`^기자명\s*[:：]?\s*(${HANGUL_NAME})$`, 'u');

/**
 * Two-syllable words that stand before 기자 in running text ("해당 기자", "담당 기자") and are not
 * names.
 */
const NOT_NAMES = new Set([
  '해당',
  '담당',
  '현직',
  '전직',
  '소속',
  '취재',
  '외신',
  '일선',
  '여성',
  '남성',
  '신입',
  '경력',
  '전문',
  '모든',
  '다른',
  '여러',
  '많은',
  '방송',
  '신문',
  '현장',
  '사진',
  '영상',
  '한국',
  '미국',
  '일본',
  '중국',
]);

/** Every byline shape contains one of these; most lines fail this one cheap test. */
const MAY_BE_BYLINE =
  /기자|특파원|위원|니스트|통신원|에디터|글|정리|\bby\b|reporter|writer|correspondent|editor|columnist|contributor|journalist|critic|chief|staff/i;

/** The byline a whole line is, or null when the line is anything else. */
export function parseByline(line: string): BylineMatch | null {
  if (line.length > 200 || !MAY_BE_BYLINE.test(line)) return null;
  const text = normalizeSpaces(line);
  if (text.length === 0 || text.length > 120) return null;

  const korean = KOREAN_REPORTER.exec(text);
  if (korean) {
    const names = korean[1] ?? '';
    if (names.split(/\s*[·ㆍ,]\s*/).some((name) => NOT_NAMES.has(name))) return null;
    const email = korean[3];
    return {
      text: `${names} ${korean[2] ?? ''}${email === undefined ? '' : ` ${email}`}`,
      signOff: true,
    };
  }
  const writer = KOREAN_WRITER.exec(text);
  if (writer?.[1] !== undefined) return { text: writer[1], signOff: false };
  const field = KOREAN_NAME_FIELD.exec(text);
  if (field?.[1] !== undefined) return { text: field[1], signOff: false };

  const by = BY_LINE.exec(text);
  if (by?.[1] !== undefined) {
    const email = by[2];
    return { text: email === undefined ? by[1] : `${by[1]} ${email}`, signOff: false };
  }
  const withRole = NAME_WITH_ROLE.exec(text);
  if (withRole?.[2] !== undefined && ROLE_WORDS.test(withRole[2])) {
    return { text, signOff: false };
  }
  return null;
}
