/**
 * Turns the bytes of a dropped or picked file into text, or refuses them with a reason the UI can
 * show. Decoding is always strict, so a wrong guess fails instead of silently producing mojibake.
 * Order of trust: size limit, binary signatures, byte-order marks, UTF-8, EUC-KR (CP949), and
 * Windows-1252 as a last resort for Western text. The platform TextDecoder does the work except
 * for Windows-1252, which is decoded here (see `decodeWindows1252`).
 *
 * Shift_JIS, GBK and Big5 are deliberately not guessed: their byte ranges overlap EUC-KR's and each
 * other's so much that a wrong pick is likely, and a refusal is more honest than garbled text.
 * UTF-16 without a byte-order mark is not guessed either; its zero bytes make it read as binary.
 */

import { MAX_FILE_BYTES } from './limits';

export { MAX_FILE_BYTES };

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr' | 'windows-1252';

export type DecodeFailureReason = 'binary' | 'too-large' | 'undecodable';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; hadBom: boolean }
  | { ok: false; reason: DecodeFailureReason };

interface Signature {
  offset: number;
  bytes: readonly number[];
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

/**
 * Leading bytes of common non-text formats. Most of these files also contain zero bytes, but a
 * signature gives a certain answer from the first few bytes, even for a truncated file.
 */
const BINARY_SIGNATURES: readonly (readonly Signature[])[] = [
  [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }], // PNG
  [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }], // JPEG
  [{ offset: 0, bytes: ascii('GIF87a') }],
  [{ offset: 0, bytes: ascii('GIF89a') }],
  [{ offset: 0, bytes: ascii('%PDF-') }],
  [{ offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] }], // ZIP, and so DOCX, XLSX, EPUB, ODT
  [{ offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] }], // empty ZIP
  [{ offset: 0, bytes: [0x50, 0x4b, 0x07, 0x08] }], // spanned ZIP
  [{ offset: 0, bytes: [0x1f, 0x8b] }], // gzip
  [{ offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] }], // ELF
  [{ offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }], // legacy Office (DOC, XLS)
  [{ offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }], // 7-Zip
  [{ offset: 0, bytes: ascii('Rar!\x1a\x07') }],
  [{ offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] }], // xz
  [{ offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] }], // zstd
  [
    { offset: 0, bytes: [0x42, 0x5a, 0x68] },
    { offset: 4, bytes: [0x31, 0x41, 0x59, 0x26] },
  ], // bzip2
  [{ offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xce] }], // Mach-O
  [{ offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf] }],
  [{ offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe] }],
  [{ offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] }],
  [{ offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] }], // Java class, universal Mach-O
  [{ offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] }], // WebAssembly
  [{ offset: 0, bytes: ascii('SQLite format 3\0') }],
  [{ offset: 0, bytes: ascii('OggS\0') }],
  [{ offset: 0, bytes: ascii('fLaC') }],
  // MP3 with an ID3 tag; the version byte keeps a text that starts with "ID3" from matching.
  [{ offset: 0, bytes: ascii('ID3\x02') }],
  [{ offset: 0, bytes: ascii('ID3\x03') }],
  [{ offset: 0, bytes: ascii('ID3\x04') }],
  [{ offset: 0, bytes: ascii('wOFF') }],
  [{ offset: 0, bytes: ascii('wOF2') }],
  [
    { offset: 0, bytes: ascii('RIFF') },
    { offset: 8, bytes: ascii('WEBP') },
  ],
  [
    { offset: 0, bytes: ascii('RIFF') },
    { offset: 8, bytes: ascii('WAVE') },
  ],
  [
    { offset: 0, bytes: ascii('RIFF') },
    { offset: 8, bytes: ascii('AVI ') },
  ],
  [{ offset: 4, bytes: ascii('ftyp') }], // MP4, MOV, HEIC, AVIF
];

const hasBytesAt = (bytes: Uint8Array, { offset, bytes: expected }: Signature): boolean =>
  bytes.length >= offset + expected.length &&
  expected.every((byte, index) => bytes[offset + index] === byte);

const hasBinarySignature = (bytes: Uint8Array): boolean =>
  BINARY_SIGNATURES.some((parts) => parts.every((part) => hasBytesAt(bytes, part)));

/**
 * Control characters other than tab, line feed, vertical tab, form feed, carriage return and
 * escape. A text file may carry a stray one (a DOS end-of-file mark, an ANSI colour code); a binary
 * file that happens to decode carries many.
 */
const isControl = (code: number): boolean =>
  (code < 0x20 && (code < 0x09 || code > 0x0d) && code !== 0x1b) ||
  code === 0x7f ||
  (code >= 0x80 && code <= 0x9f);

/** Above this share of control characters, decoded text is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;

const hasTooManyControls = (text: string): boolean => {
  if (text.length === 0) return false;
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if (isControl(code)) controls += 1;
  }
  return controls / text.length > MAX_CONTROL_SHARE;
};

/** Control bytes in the undecoded input; C1 bytes are left out because legacy encodings use them. */
const hasTooManyControlBytes = (bytes: Uint8Array): boolean => {
  if (bytes.length === 0) return false;
  let controls = 0;
  for (const byte of bytes) if (byte < 0x80 && isControl(byte)) controls += 1;
  return controls / bytes.length > MAX_CONTROL_SHARE;
};

const tryDecode = (label: TextEncodingName, bytes: Uint8Array): string | null => {
  try {
    // ignoreBOM keeps the mark in the output, so the caller knows it was there and strips it.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
};

const isHangul = (code: number): boolean =>
  (code >= 0xac00 && code <= 0xd7a3) || // syllables
  (code >= 0x1100 && code <= 0x11ff) || // jamo
  (code >= 0x3130 && code <= 0x318f); // compatibility jamo

/** Modern Korean prose is overwhelmingly Hangul; Hanja and symbols are a small minority. */
const MIN_HANGUL_SHARE = 0.6;
/** Korean words run two to five syllables; unspaced Chinese or Japanese clauses run far longer. */
const MAX_MEAN_WORD_LENGTH = 8;

const isSpace = (code: number): boolean => code <= 0x20 || code === 0x3000;

/**
 * The WHATWG `euc-kr` decoder (CP949 in browsers) accepts most pairs of high bytes, so a clean
 * decode is not proof of Korean. Three traits of real Korean text are checked against the decode:
 * - its pairs come mostly from the KS X 1001 block (both bytes 0xA1 or above), whereas Western text
 *   misread as CP949 lands in the extension block, whose trail bytes are ASCII letters;
 * - most of its non-ASCII characters are Hangul;
 * - words are separated by spaces, so runs of non-ASCII characters are short. Chinese (GBK) and
 *   Japanese text misread as EUC-KR has Hangul too, but runs on for whole clauses.
 *
 * Exported so the rule can be tested with bytes a given platform decoder would refuse: Node's ICU
 * `euc-kr` lacks the CP949 extension that browsers decode.
 */
export const isPlausibleKorean = (bytes: Uint8Array, text: string): boolean => {
  let pairs = 0;
  let ksPairs = 0;
  for (let index = 0; index < bytes.length;) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const trail = bytes[index + 1] ?? 0;
    pairs += 1;
    if (lead >= 0xa1 && trail >= 0xa1) ksPairs += 1;
    index += 2;
  }
  if (pairs === 0 || ksPairs / pairs < 0.5) return false;

  let nonAscii = 0;
  let hangul = 0;
  let runs = 0;
  let inRun = false;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide = code >= 0x80 && !isSpace(code);
    if (wide) {
      nonAscii += 1;
      if (isHangul(code)) hangul += 1;
      if (!inRun) runs += 1;
    }
    inRun = wide;
  }
  return hangul / nonAscii >= MIN_HANGUL_SHARE && nonAscii / runs <= MAX_MEAN_WORD_LENGTH;
};

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it: Latin-1 except for 0x80–0x9F. Decoded
 * here rather than with TextDecoder because some platforms (Node's ICU among them) map that range
 * to C1 controls as ISO-8859-1 does, which would turn curly quotes into invisible characters.
 * `null` marks the five bytes the standard leaves unassigned.
 */
const WINDOWS_1252_HIGH: readonly (string | null)[] = Array.from(
  '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ',
  (char) => (char === '\0' ? null : char),
);

const decodeWindows1252 = (bytes: Uint8Array): string | null => {
  const chars: string[] = [];
  for (const byte of bytes) {
    if (byte >= 0x80 && byte < 0xa0) {
      const char = WINDOWS_1252_HIGH[byte - 0x80];
      if (char === null || char === undefined) return null;
      chars.push(char);
    } else {
      chars.push(String.fromCharCode(byte));
    }
  }
  return chars.join('');
};

/**
 * Western text keeps its accented letters between ASCII letters; double-byte CJK encodings and
 * random bytes put high bytes next to each other. More than half of the high bytes sitting in runs
 * means this is not Windows-1252.
 */
const isPlausibleWindows1252 = (bytes: Uint8Array): boolean => {
  let high = 0;
  let adjacent = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    if ((bytes[index] ?? 0) < 0x80) continue;
    high += 1;
    if ((bytes[index - 1] ?? 0) >= 0x80 || (bytes[index + 1] ?? 0) >= 0x80) adjacent += 1;
  }
  return adjacent * 2 <= high;
};

const stripBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

const success = (text: string, encoding: TextEncodingName, hadBom: boolean): DecodeResult =>
  hasTooManyControls(text)
    ? { ok: false, reason: 'binary' }
    : { ok: true, text: hadBom ? stripBom(text) : text, encoding, hadBom };

const decodeWithBom = (bytes: Uint8Array): DecodeResult | null => {
  const [first, second, third] = bytes;
  let encoding: TextEncodingName | null = null;
  if (first === 0xef && second === 0xbb && third === 0xbf) encoding = 'utf-8';
  else if (first === 0xff && second === 0xfe) encoding = 'utf-16le';
  else if (first === 0xfe && second === 0xff) encoding = 'utf-16be';
  if (encoding === null) return null;
  // A byte-order mark is a declaration; if the rest does not match it, the file is damaged rather
  // than in some other encoding.
  const text = tryDecode(encoding, bytes);
  return text === null ? { ok: false, reason: 'undecodable' } : success(text, encoding, true);
};

export const decodeArticleBytes = (bytes: Uint8Array): DecodeResult => {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
  if (hasBinarySignature(bytes)) return { ok: false, reason: 'binary' };

  const withBom = decodeWithBom(bytes);
  if (withBom !== null) return withBom;

  if (bytes.includes(0) || hasTooManyControlBytes(bytes)) return { ok: false, reason: 'binary' };

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return success(utf8, 'utf-8', false);

  const eucKr = tryDecode('euc-kr', bytes);
  if (eucKr !== null && isPlausibleKorean(bytes, eucKr)) return success(eucKr, 'euc-kr', false);

  if (isPlausibleWindows1252(bytes)) {
    const western = decodeWindows1252(bytes);
    if (western !== null) return success(western, 'windows-1252', false);
  }
  return { ok: false, reason: 'undecodable' };
};
