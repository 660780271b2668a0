import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, decodeArticleBytes, isPlausibleKorean } from './decode';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/files', name)));

const KOREAN = [
  '강변 도서관, 밤 열 시까지 문 연다',
  '',
  '입력 2018.02.19 09:12 | 승인 2018.02.20 15:33',
  '',
  '시립 강변도서관이 다음 달부터 평일 운영 시간을 오후 열 시까지 늘린다. 도서관 측은 퇴근 뒤에 책을 빌리려는 주민의 요청이 꾸준히 늘었다고 설명했다.',
  '',
  '새 운영 시간은 3월 5일 월요일부터 적용되며, 주말 운영 시간은 지금과 같다. 관장은 “저녁 시간에도 조용히 읽을 곳이 필요하다는 목소리가 많았다”고 말했다.',
  '',
  '김하늘 기자 sky@example.kr',
  '',
].join('\n');

const WESTERN = [
  'Le café du coin rouvre ses portes',
  '',
  'Après huit mois de travaux, le café de la place Étienne-Marcel accueille à nouveau ses habitués. « On a gardé le vieux comptoir », explique la gérante, qui a repris l’affaire l’été dernier.',
  '',
].join('\n');

const encodeUtf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeArticleBytes', () => {
  it('decodes plain UTF-8 without a byte-order mark', () => {
    expect(decodeArticleBytes(encodeUtf8(KOREAN))).toEqual({
      ok: true,
      text: KOREAN,
      encoding: 'utf-8',
      hadBom: false,
    });
  });

  it('decodes UTF-8 with a byte-order mark and strips the mark', () => {
    expect(decodeArticleBytes(fixture('korean-utf8-bom.txt'))).toEqual({
      ok: true,
      text: KOREAN,
      encoding: 'utf-8',
      hadBom: true,
    });
  });

  it('decodes UTF-16LE announced by its byte-order mark', () => {
    expect(decodeArticleBytes(fixture('korean-utf16le-bom.txt'))).toEqual({
      ok: true,
      text: KOREAN,
      encoding: 'utf-16le',
      hadBom: true,
    });
  });

  it('decodes UTF-16BE announced by its byte-order mark', () => {
    expect(decodeArticleBytes(fixture('korean-utf16be-bom.txt'))).toEqual({
      ok: true,
      text: KOREAN,
      encoding: 'utf-16be',
      hadBom: true,
    });
  });

  it('decodes EUC-KR (CP949) Korean text that is not valid UTF-8', () => {
    expect(decodeArticleBytes(fixture('korean-euc-kr.txt'))).toEqual({
      ok: true,
      text: KOREAN,
      encoding: 'euc-kr',
      hadBom: false,
    });
  });

  it('falls back to Windows-1252 for Western text that is neither UTF-8 nor Korean', () => {
    expect(decodeArticleBytes(fixture('western-windows-1252.txt'))).toEqual({
      ok: true,
      text: WESTERN,
      encoding: 'windows-1252',
      hadBom: false,
    });
  });

  it('decodes every assigned Windows-1252 byte in 0x80–0x9F as the WHATWG standard does', () => {
    const assigned = [
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92,
      0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ];
    // Spaced out so each high byte stands alone, as it does in Western prose.
    const bytes = new Uint8Array(assigned.flatMap((byte) => [0x61, byte]));
    const expected = Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ', (char) => `a${char}`).join('');
    expect(decodeArticleBytes(bytes)).toEqual({
      ok: true,
      text: expected,
      encoding: 'windows-1252',
      hadBom: false,
    });
  });

  it('refuses bytes Windows-1252 leaves unassigned instead of inventing characters', () => {
    expect(decodeArticleBytes(new Uint8Array([0x61, 0x81, 0x62, 0x20, 0x63]))).toEqual({
      ok: false,
      reason: 'undecodable',
    });
  });

  it('reads a short Western snippet as Windows-1252', () => {
    expect(decodeArticleBytes(new Uint8Array([0x49, 0x74, 0x92, 0x73, 0x20, 0x6f, 0x6b]))).toEqual({
      ok: true,
      text: 'It’s ok',
      encoding: 'windows-1252',
      hadBom: false,
    });
  });

  describe('isPlausibleKorean', () => {
    // Texts are what a CP949 decoder (a browser's `euc-kr`) makes of the bytes; Node's narrower
    // decoder would refuse some of them outright, so the rule is checked on its own.
    it('accepts Korean prose, including a CP949 extension syllable', () => {
      const bytes = new Uint8Array([
        0x8c, 0x63, 0xb9, 0xe6, 0x20, 0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee,
      ]);
      expect(isPlausibleKorean(bytes, '똠방 한국어')).toBe(true);
    });

    it('rejects Western text whose pairs happen to be valid CP949 extension syllables', () => {
      // “It’s ok” in Windows-1252: 0x92 0x73 is also the CP949 syllable 뭩.
      const bytes = new Uint8Array([0x49, 0x74, 0x92, 0x73, 0x20, 0x6f, 0x6b]);
      expect(isPlausibleKorean(bytes, 'It뭩 ok')).toBe(false);
    });

    it('rejects text without Hangul', () => {
      expect(isPlausibleKorean(new Uint8Array([0xca, 0xa1, 0x20, 0xca, 0xa2]), '伽 佳')).toBe(
        false,
      );
    });

    it('rejects long unspaced runs, the shape of Chinese misread as Korean', () => {
      const text = '가나다라마바사아자차카타';
      const bytes = new Uint8Array(text.length * 2).fill(0xb0);
      expect(isPlausibleKorean(bytes, text)).toBe(false);
      expect(isPlausibleKorean(bytes, '가나다 라마바 사아자 차카타')).toBe(true);
    });
  });

  it('refuses GBK Chinese text rather than guessing', () => {
    expect(decodeArticleBytes(fixture('chinese-gbk.txt'))).toEqual({
      ok: false,
      reason: 'undecodable',
    });
  });

  it('refuses Shift_JIS Japanese text rather than guessing', () => {
    expect(decodeArticleBytes(fixture('japanese-shift-jis.txt'))).toEqual({
      ok: false,
      reason: 'undecodable',
    });
  });

  it('refuses a PNG image by its signature', () => {
    expect(decodeArticleBytes(fixture('tiny.png'))).toEqual({ ok: false, reason: 'binary' });
  });

  it.each([
    ['PDF', encodeUtf8('%PDF-1.7\n%âãÏÓ\n')],
    ['ZIP/DOCX', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ['gzip', new Uint8Array([0x1f, 0x8b, 0x08, 0x00])],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])],
    ['GIF', encodeUtf8('GIF89a')],
    ['ELF', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02])],
  ])('refuses a %s file by its signature', (_name, bytes) => {
    expect(decodeArticleBytes(bytes)).toEqual({ ok: false, reason: 'binary' });
  });

  it('does not mistake text that starts like a signature for binary', () => {
    const text = 'ID3 tags and GIF images, explained.\n';
    expect(decodeArticleBytes(encodeUtf8(text))).toEqual({
      ok: true,
      text,
      encoding: 'utf-8',
      hadBom: false,
    });
  });

  it('refuses a file with zero bytes outside UTF-16', () => {
    expect(decodeArticleBytes(fixture('nul-bytes.bin'))).toEqual({ ok: false, reason: 'binary' });
  });

  it('refuses valid UTF-8 made mostly of control characters', () => {
    const bytes = new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x04, 0x05]);
    expect(decodeArticleBytes(bytes)).toEqual({ ok: false, reason: 'binary' });
  });

  it('refuses UTF-16 text that decodes to zero characters', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]);
    expect(decodeArticleBytes(bytes)).toEqual({ ok: false, reason: 'binary' });
  });

  it('keeps a stray control character in otherwise ordinary text', () => {
    const text = `${'A line of ordinary prose. '.repeat(10)}\x1a`;
    expect(decodeArticleBytes(encodeUtf8(text))).toEqual({
      ok: true,
      text,
      encoding: 'utf-8',
      hadBom: false,
    });
  });

  it('refuses a file whose byte-order mark the rest does not match', () => {
    // A UTF-16LE mark followed by an odd number of bytes cannot be UTF-16.
    expect(decodeArticleBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toEqual({
      ok: false,
      reason: 'undecodable',
    });
    expect(decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toEqual({
      ok: false,
      reason: 'undecodable',
    });
  });

  it('refuses files above the size limit without decoding them', () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    expect(decodeArticleBytes(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41))).toEqual({
      ok: false,
      reason: 'too-large',
    });
    const atLimit = decodeArticleBytes(new Uint8Array(MAX_FILE_BYTES).fill(0x41));
    expect(atLimit.ok).toBe(true);
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeArticleBytes(new Uint8Array(0))).toEqual({
      ok: true,
      text: '',
      encoding: 'utf-8',
      hadBom: false,
    });
  });
});
