/**
 * Publication stamps: the "승인 2018.02.20 15:33" / "Published February 20, 2018" lines news
 * pages print near the byline, turned into HTML `datetime` values.
 *
 * A stamp is a label (승인, 입력, 수정, Published, Updated…) at the start of a line or of a
 * segment (after a bullet, pipe or bracket), followed by a date, an optional time and an optional
 * zone. Korean CMS labels mean Korea time unless a zone is written. A line counts as a stamp line
 * only when what is left after the stamps is short chrome (`댓글 0`, `홍길동 기자`), so a body
 * sentence that starts with "Published" and a date is not mistaken for one.
 */
import type { PublicationStamp, StampKind } from './types';
import { charSet, endsSentence, normalizeSpaces, wordCount } from './line-shape';

const KOREAN_LABELS: readonly (readonly [string, StampKind])[] = [
  ['기사입력', 'input'],
  ['최초입력', 'input'],
  ['최종수정', 'modified'],
  ['기사수정', 'modified'],
  ['업데이트', 'updated'],
  ['입력', 'input'],
  ['수정', 'modified'],
  ['승인', 'approved'],
  ['등록', 'input'],
  ['작성', 'input'],
  ['발행', 'published'],
  ['게재', 'published'],
];

const ENGLISH_LABELS: readonly (readonly [string, StampKind])[] = [
  ['first published', 'published'],
  ['last updated', 'updated'],
  ['last modified', 'modified'],
  ['published', 'published'],
  ['posted', 'published'],
  ['updated', 'updated'],
  ['modified', 'modified'],
];

const LABEL_KINDS = new Map<string, StampKind>([...KOREAN_LABELS, ...ENGLISH_LABELS]);

const LABEL_PATTERN = new RegExp(
  `(${[...KOREAN_LABELS, ...ENGLISH_LABELS].map(([label]) => label.replace(' ', '\\s+')).join('|')})`,
  'gi',
);

/** Another stamp label at the start of a string: English stamps may follow each other with a space. */
const LABEL_AT = new RegExp(`^${LABEL_PATTERN.source}`, 'i');

/** What may sit right after a label before the date: "Published on:", "입력일 :", "수정 시간". */
const KOREAN_LABEL_TAIL = /(?:일시|일자|시간|일)?\s*[:：]?\s*/y;
const ENGLISH_LABEL_TAIL = /(?:\s+(?:on|at))?\s*[:：]?\s*/iy;

/** Characters that open a new segment on a metadata line. */
const SEGMENT_OPENERS = charSet('|｜│ㅣ•·∙▶►▷■□◆◇○●※-*/,;[(<{【〔「');
/** Every segment opener and closer, for wiping them out of what is left beside the stamps. */
const SEPARATOR_RUN = /[|｜│ㅣ•·∙▶►▷■□◆◇○●※*/,;[\](){}<>【】〔〕「」-]+/gu;
const SEGMENT_CLOSERS = charSet('|｜│ㅣ•·∙/,;])>}】〕」');

const MONTHS = new Map<string, number>([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
]);

const NUMERIC_DATE = /(\d{4})\s*([.\-/])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)\.?/y;
const KOREAN_DATE = /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/y;
const WEEKDAY_PREFIX = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ENGLISH_MDY = new RegExp(
  String.raw`${WEEKDAY_PREFIX}([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`,
  'iy',
);
const ENGLISH_DMY = new RegExp(
  String.raw`${WEEKDAY_PREFIX}(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?!\d)`,
  'iy',
);
const WEEKDAY_SUFFIX =
  /\s*\(\s*(?:[월화수목금토일](?:요일)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s*\)|\s*,?\s*[월화수목금토일]요일/iuy;
const TIME =
  /(?:\s*T\s*|\s*,?\s*(?:at\s+)?)(?:(오전|오후)\s*)?(\d{1,2})(?::(\d{2})(?::(\d{2}))?(?:\.\d+)?|\s*시(?:\s*(\d{1,2})\s*분)?)?(?:\s*([ap])\.?\s?m\.?(?![\p{L}]))?/iuy;
const ZONE =
  /\s*\(?\s*(?:(Z)(?![\p{L}\d])|(KST|JST|UTC|GMT|EST|EDT|PST|PDT|BST|CET|CEST|HKT|SGT|AEST|AEDT)(?:\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?(?![\p{L}])|([+\-−])(\d{2}):?(\d{2})(?!\d))\s*\)?/uy;

const NAMED_ZONES = new Map<string, string>([
  ['KST', '+09:00'],
  ['JST', '+09:00'],
  ['UTC', 'Z'],
  ['GMT', 'Z'],
  ['EST', '-05:00'],
  ['EDT', '-04:00'],
  ['PST', '-08:00'],
  ['PDT', '-07:00'],
  ['BST', '+01:00'],
  ['CET', '+01:00'],
  ['CEST', '+02:00'],
  ['HKT', '+08:00'],
  ['SGT', '+08:00'],
  ['AEST', '+10:00'],
  ['AEDT', '+11:00'],
]);

const KOREA_TIME = '+09:00';

interface ParsedDateTime {
  end: number;
  datetime: string;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function execAt(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

function parseDate(
  text: string,
  position: number,
): { end: number; year: number; month: number; day: number } | null {
  let match = execAt(NUMERIC_DATE, text, position) ?? execAt(KOREAN_DATE, text, position);
  let year: number;
  let month: number | undefined;
  let day: number;
  if (match) {
    year = Number(match[1]);
    month = Number(match[match.length === 5 ? 3 : 2]);
    day = Number(match[match.length === 5 ? 4 : 3]);
  } else if ((match = execAt(ENGLISH_MDY, text, position))) {
    month = MONTHS.get((match[1] ?? '').toLowerCase());
    day = Number(match[2]);
    year = Number(match[3]);
  } else if ((match = execAt(ENGLISH_DMY, text, position))) {
    day = Number(match[1]);
    month = MONTHS.get((match[2] ?? '').toLowerCase());
    year = Number(match[3]);
  } else {
    return null;
  }
  if (month === undefined || month < 1 || month > 12) return null;
  if (year < 1000 || day < 1 || day > daysInMonth(year, month)) return null;
  return { end: match.index + match[0].length, year, month, day };
}

function parseTime(
  text: string,
  position: number,
): { end: number; hour: number; minute: number; second: number | null } | null {
  const match = execAt(TIME, text, position);
  if (!match) return null;
  const [, koreanHalf, hourText, minuteText, secondText, koreanMinute, englishHalf] = match;
  const hasHourMark = /시/.test(match[0]);
  const half =
    koreanHalf === '오전' ? 'a' : koreanHalf === '오후' ? 'p' : englishHalf?.toLowerCase();
  // A bare number after a date ("… 2018 10 comments") is not a time.
  if (minuteText === undefined && !hasHourMark && half === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? koreanMinute ?? 0);
  const second = secondText === undefined ? null : Number(secondText);
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || (second !== null && second > 59)) return null;
  return { end: match.index + match[0].length, hour, minute, second };
}

function formatOffset(sign: string, hours: number, minutes: number): string | null {
  if (hours > 14 || minutes > 59) return null;
  return `${sign === '+' ? '+' : '-'}${pad2(hours)}:${pad2(minutes)}`;
}

function parseZone(text: string, position: number): { end: number; zone: string } | null {
  const match = execAt(ZONE, text, position);
  if (!match) return null;
  const [, z, name, nameSign, nameHours, nameMinutes, sign, hours, minutes] = match;
  const end = match.index + match[0].length;
  if (z !== undefined) return { end, zone: 'Z' };
  if (name !== undefined) {
    if (nameSign !== undefined) {
      const zone = formatOffset(nameSign, Number(nameHours), Number(nameMinutes ?? 0));
      return zone === null ? null : { end, zone };
    }
    const zone = NAMED_ZONES.get(name.toUpperCase());
    return zone === undefined ? null : { end, zone };
  }
  if (sign !== undefined) {
    const zone = formatOffset(sign, Number(hours), Number(minutes));
    return zone === null ? null : { end, zone };
  }
  return null;
}

function parseDateTime(text: string, position: number, korean: boolean): ParsedDateTime | null {
  const date = parseDate(text, position);
  if (!date) return null;
  let end = date.end;
  const weekday = execAt(WEEKDAY_SUFFIX, text, end);
  if (weekday) end = weekday.index + weekday[0].length;
  const day = `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
  const time = parseTime(text, end);
  if (!time) return { end, datetime: day };
  end = time.end;
  const zone = parseZone(text, end);
  if (zone) end = zone.end;
  const clock = `${pad2(time.hour)}:${pad2(time.minute)}${time.second === null ? '' : `:${pad2(time.second)}`}`;
  const offset = zone?.zone ?? (korean ? KOREA_TIME : '');
  return { end, datetime: `${day}T${clock}${offset}` };
}

function isSpace(char: string | undefined): boolean {
  return char === ' ';
}

/** Whether only separators, bullets and spaces stand between `from` and `to`. */
function onlySeparators(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const char = text[i];
    if (!isSpace(char) && !SEGMENT_OPENERS.has(char ?? '') && !SEGMENT_CLOSERS.has(char ?? ''))
      return false;
  }
  return true;
}

/** The nearest non-space character before `index`, if any. */
function previousVisible(text: string, index: number): string | undefined {
  let i = index - 1;
  while (i >= 0 && isSpace(text[i])) i--;
  return i >= 0 ? text[i] : undefined;
}

const STAMP_LEFTOVER_LIMIT = 60;

/**
 * Every publication stamp on a line, left to right: `입력 2024.01.05 09:12 수정 2024.01.05 10:00`
 * gives two. Empty when the line is not a metadata line (a sentence that happens to contain a
 * label and a date gives none). Each stamp's `raw` is its own span of the line (label, date, time,
 * zone), NBSPs normalized, so several stamps on one line keep separate raws.
 */
export function parsePublicationStamps(line: string): PublicationStamp[] {
  if (line.length > 400 || !/\d/.test(line)) return [];
  const text = normalizeSpaces(line);
  if (text.length === 0 || text.length > 300) return [];
  const stamps: PublicationStamp[] = [];
  const spans: [number, number][] = [];
  let previousEnd = 0;
  LABEL_PATTERN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LABEL_PATTERN.exec(text)) !== null) {
    const start = match.index;
    const label = match[0];
    const kind = LABEL_KINDS.get(label.toLowerCase().replace(/\s+/g, ' '));
    const korean = /[가-힣]/.test(label);
    if (kind === undefined || !startsSegment(text, start, previousEnd, korean, label)) continue;
    const tail = execAt(
      korean ? KOREAN_LABEL_TAIL : ENGLISH_LABEL_TAIL,
      text,
      start + label.length,
    );
    const dateStart = tail ? tail.index + tail[0].length : start + label.length;
    const parsed = parseDateTime(text, dateStart, korean);
    if (!parsed || !endsSegment(text, parsed.end, korean)) {
      LABEL_PATTERN.lastIndex = start + label.length;
      continue;
    }
    stamps.push({ kind, raw: text.slice(start, parsed.end), datetime: parsed.datetime });
    spans.push([start, parsed.end]);
    previousEnd = parsed.end;
    LABEL_PATTERN.lastIndex = parsed.end;
  }
  if (stamps.length === 0) return [];
  let leftover = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    leftover += ` ${text.slice(cursor, start)}`;
    cursor = end;
  }
  leftover += ` ${text.slice(cursor)}`;
  const rest = normalizeSpaces(leftover.replace(SEPARATOR_RUN, ' '));
  if (rest.length > STAMP_LEFTOVER_LIMIT) return [];
  if (endsSentence(rest) && wordCount(rest) >= 4) return [];
  return stamps;
}

function startsSegment(
  text: string,
  start: number,
  previousEnd: number,
  korean: boolean,
  label: string,
): boolean {
  if (onlySeparators(text, previousEnd, start)) return true;
  const before = previousVisible(text, start);
  if (before !== undefined && SEGMENT_OPENERS.has(before)) return true;
  if (!isSpace(text[start - 1])) return false;
  // Korean metadata runs spans together with spaces only ("홍길동 기자 입력 2024.01.05");
  // an English label needs its capital to count there.
  return korean || /^\p{Lu}/u.test(label);
}

function endsSegment(text: string, end: number, korean: boolean): boolean {
  if (end >= text.length) return true;
  const next = text[end];
  if (next !== undefined && SEGMENT_CLOSERS.has(next)) return true;
  if (!isSpace(next)) return false;
  if (korean) return true;
  let i = end;
  while (isSpace(text[i])) i++;
  const following = text[i];
  if (following === undefined || SEGMENT_CLOSERS.has(following) || SEGMENT_OPENERS.has(following))
    return true;
  return LABEL_AT.test(text.slice(i, i + 20));
}

/**
 * The first publication stamp on a metadata line, or null when the line is not one. See
 * {@link parsePublicationStamps} for lines that carry several.
 */
export function parsePublicationStamp(line: string): PublicationStamp | null {
  return parsePublicationStamps(line)[0] ?? null;
}

/** Whether a stamp kind dates the first publication (as opposed to a later revision). */
export function isPublishedKind(kind: StampKind): boolean {
  return kind === 'approved' || kind === 'input' || kind === 'published';
}

/** Korean CMSs print 입력 (filed) and 승인 (approved: when it went live); the latter is the publication. */
const PUBLISHED_RANK: Partial<Record<StampKind, number>> = { approved: 0, published: 1, input: 2 };

/**
 * Which of two publication stamps the header shows: the approval over a generic "published" over
 * the filing time; between equals, the first one met.
 */
export function preferPublished(
  current: PublicationStamp | null,
  candidate: PublicationStamp,
): PublicationStamp {
  if (!current) return candidate;
  const rank = (stamp: PublicationStamp) => PUBLISHED_RANK[stamp.kind] ?? 9;
  return rank(candidate) < rank(current) ? candidate : current;
}
