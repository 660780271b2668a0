/**
 * Diff of a machine translation against its post-edit, for showing a reviewer what changed.
 *
 * Texts are cut into tokens with `Intl.Segmenter`: words for languages written with spaces, grapheme
 * clusters for Chinese, Japanese and Korean (a single changed character in a long CJK "word" would
 * otherwise mark the whole run). Whitespace and punctuation stay as tokens of their own, so the ops
 * always rebuild both texts exactly: equal + delete texts give `before`, equal + insert give `after`.
 *
 * The token diff is Myers' O((N+M)·D) algorithm in linear space (middle-snake bisection). Past
 * {@link MAX_DIFF_TOKENS} tokens on either side, once the common prefix and suffix are set aside,
 * the middle is reported as one delete and one insert so that a pasted book never freezes the UI.
 */

export type DiffOp = { kind: 'equal' | 'insert' | 'delete'; text: string };

/** Above this many differing tokens on either side the diff gives up on precision. */
export const MAX_DIFF_TOKENS = 4000;

const CJK_PRIMARY = new Set([
  'zh',
  'ja',
  'ko',
  'yue',
  'cmn',
  'wuu',
  'hak',
  'nan',
  'gan',
  'hsn',
  'lzh',
]);

/** True for BCP 47 tags of Chinese (any script or region, Cantonese etc.), Japanese and Korean. */
export function isCjkLanguage(language: string): boolean {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return CJK_PRIMARY.has(primary);
}

const segmenters = new Map<string, Intl.Segmenter>();

type Granularity = 'grapheme' | 'word' | 'sentence';

/**
 * A cached segmenter; an unusable tag (empty, malformed) falls back to the runtime's default
 * locale rather than throwing, since language tags come from detection and user files.
 */
function segmenterFor(language: string, granularity: Granularity): Intl.Segmenter {
  const key = `${granularity}\u0000${language}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language.trim() || undefined, { granularity });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

export interface TextSegment {
  segment: string;
  /** UTF-16 offset into the whole text. */
  index: number;
  isWordLike: boolean;
}

/**
 * `Intl.Segmenter` over a text of any length. V8's segment iterator costs time proportional to the
 * text length per segment, which makes a 300,000-character text take over a minute, so long texts
 * are segmented in pieces cut where the Unicode segmentation rules always break anyway (after a
 * line feed; before a letter that follows whitespace; between two CJK letters or two ASCII
 * characters for graphemes; after sentence-final punctuation for sentences). Only a piece with no
 * such place is cut blindly, at a code point that starts no combining sequence.
 */
export function* segmentText(
  text: string,
  language: string,
  granularity: Granularity,
): Generator<TextSegment> {
  const segmenter = segmenterFor(language, granularity);
  const size = granularity === 'sentence' ? SENTENCE_CHUNK : CHUNK;
  let start = 0;
  while (start < text.length) {
    const end = chunkEnd(text, start, size, granularity);
    for (const data of segmenter.segment(text.slice(start, end))) {
      yield {
        segment: data.segment,
        index: start + data.index,
        isWordLike: data.isWordLike ?? false,
      };
    }
    start = end;
  }
}

const CHUNK = 1000;
const SENTENCE_CHUNK = 10_000;
const CJK_LETTER = /[\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF\uAC00-\uD7A3]/u;
const ASCII_VISIBLE = /[!-~]/u;
const SPACE = /\s/u;
const STARTS_WORD = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?\u3002\uFF01\uFF1F]/u;

function chunkEnd(text: string, start: number, size: number, granularity: Granularity): number {
  const limit = start + size;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > start + size / 2; i--) {
    if (isSafeBreak(text, i, granularity)) return i;
  }
  for (let cut = limit; cut > limit - 16; cut--) {
    if (!attaches(text.charAt(cut))) return cut;
  }
  // A run of marks this long is garbage text; only keep surrogate pairs whole.
  return /[\uDC00-\uDFFF]/u.test(text.charAt(limit)) ? limit + 1 : limit;
}

/** Characters that join what precedes them: marks, joiners, variation selectors, low surrogates. */
function attaches(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    (code >= 0xdc00 && code <= 0xdfff) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    // Half-width kana sound marks are letters, yet they attach like marks.
    code === 0xff9e ||
    code === 0xff9f ||
    /\p{M}/u.test(char)
  );
}

function isSafeBreak(text: string, i: number, granularity: Granularity): boolean {
  const before = text.charAt(i - 1);
  const after = text.charAt(i);
  if (before === '\n' || (before === '\r' && after !== '\n')) return true;
  if (attaches(after)) return false;
  if (granularity === 'sentence') {
    if (/[\u3002\uFF01\uFF1F]/u.test(before) && STARTS_WORD.test(after)) return true;
    if (!SPACE.test(before) || !/\p{Lu}/u.test(after)) return false;
    let j = i - 1;
    while (j > 0 && SPACE.test(text.charAt(j))) j--;
    return SENTENCE_END.test(text.charAt(j));
  }
  if (SPACE.test(before) && STARTS_WORD.test(after)) return true;
  if (granularity === 'grapheme') {
    return (
      (CJK_LETTER.test(before) && CJK_LETTER.test(after)) ||
      (ASCII_VISIBLE.test(before) && ASCII_VISIBLE.test(after))
    );
  }
  return false;
}

/**
 * The diff's tokens: words, whitespace runs and punctuation marks (graphemes for CJK). Joined, they
 * give back `text` exactly.
 */
export function tokenize(text: string, language: string): string[] {
  const granularity = isCjkLanguage(language) ? 'grapheme' : 'word';
  const tokens: string[] = [];
  for (const { segment } of segmentText(text, language, granularity)) tokens.push(segment);
  return tokens;
}

export function diffTexts(before: string, after: string, language: string): DiffOp[] {
  if (before === after) return before === '' ? [] : [{ kind: 'equal', text: before }];
  const a = tokenize(before, language);
  const b = tokenize(after, language);
  return tidy(diffTokens(a, b));
}

type Kind = DiffOp['kind'];

/** Token-level ops, one token each; {@link tidy} joins them. */
function diffTokens(a: readonly string[], b: readonly string[]): DiffOp[] {
  const out: DiffOp[] = [];
  // Identical tokens get identical ids, so the inner loops compare integers, not strings.
  const ids = new Map<string, number>();
  const toIds = (tokens: readonly string[]) => {
    const result = new Int32Array(tokens.length);
    tokens.forEach((token, i) => {
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size;
        ids.set(token, id);
      }
      result[i] = id;
    });
    return result;
  };
  const aIds = toIds(a);
  const bIds = toIds(b);

  let prefix = 0;
  const shorter = Math.min(a.length, b.length);
  while (prefix < shorter && aIds[prefix] === bIds[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && aIds[a.length - 1 - suffix] === bIds[b.length - 1 - suffix]) {
    suffix++;
  }

  const emit = (kind: Kind, tokens: readonly string[], from: number, to: number) => {
    for (let i = from; i < to; i++) out.push({ kind, text: tokens[i] ?? '' });
  };

  emit('equal', a, 0, prefix);
  const aEnd = a.length - suffix;
  const bEnd = b.length - suffix;
  if (aEnd - prefix > MAX_DIFF_TOKENS || bEnd - prefix > MAX_DIFF_TOKENS) {
    emit('delete', a, prefix, aEnd);
    emit('insert', b, prefix, bEnd);
  } else {
    new Myers(a, aIds, b, bIds, out).run(prefix, aEnd, prefix, bEnd);
  }
  emit('equal', a, aEnd, a.length);
  return out;
}

class Myers {
  constructor(
    private readonly a: readonly string[],
    private readonly aIds: Int32Array,
    private readonly b: readonly string[],
    private readonly bIds: Int32Array,
    private readonly out: DiffOp[],
  ) {}

  run(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b, aIds, bIds, out } = this;
    while (aLo < aHi && bLo < bHi && aIds[aLo] === bIds[bLo]) {
      out.push({ kind: 'equal', text: a[aLo] ?? '' });
      aLo++;
      bLo++;
    }
    let aEnd = aHi;
    let bEnd = bHi;
    while (aLo < aEnd && bLo < bEnd && aIds[aEnd - 1] === bIds[bEnd - 1]) {
      aEnd--;
      bEnd--;
    }

    if (aLo === aEnd || bLo === bEnd) {
      for (let i = aLo; i < aEnd; i++) out.push({ kind: 'delete', text: a[i] ?? '' });
      for (let j = bLo; j < bEnd; j++) out.push({ kind: 'insert', text: b[j] ?? '' });
    } else {
      const split = this.middle(aLo, aEnd, bLo, bEnd);
      const progresses =
        split !== null &&
        !(split[0] === aLo && split[1] === bLo) &&
        !(split[0] === aEnd && split[1] === bEnd);
      if (progresses) {
        this.run(aLo, split[0], bLo, split[1]);
        this.run(split[0], aEnd, split[1], bEnd);
      } else {
        // Unreachable with prefix and suffix stripped, but a wrong split must not recurse forever.
        for (let i = aLo; i < aEnd; i++) out.push({ kind: 'delete', text: a[i] ?? '' });
        for (let j = bLo; j < bEnd; j++) out.push({ kind: 'insert', text: b[j] ?? '' });
      }
    }

    for (let i = aEnd; i < aHi; i++) out.push({ kind: 'equal', text: a[i] ?? '' });
  }

  /**
   * Runs the forward and the reverse greedy search at once until their furthest-reaching paths
   * overlap; the overlap point lies on an optimal edit path, so both halves can be diffed apart.
   * Returns absolute token indices `[i, j]` of that point.
   */
  private middle(aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | null {
    const { aIds, bIds } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD + 1;
    const width = 2 * offset + 1;
    // Furthest x reached on each diagonal k = x − y; −1 marks a diagonal not reached yet.
    const forward = new Int32Array(width).fill(-1);
    const reverse = new Int32Array(width).fill(-1);
    forward[offset + 1] = 0;
    reverse[offset + 1] = 0;
    const delta = n - m;
    // With an odd delta the paths can first meet on a forward step, with an even one on a reverse.
    const meetsForward = delta % 2 !== 0;
    // Diagonals that ran off the grid are skipped from then on.
    let fTrimLow = 0;
    let fTrimHigh = 0;
    let rTrimLow = 0;
    let rTrimHigh = 0;
    const at = (v: Int32Array, index: number) => v[index] ?? -1;

    for (let d = 0; d <= maxD; d++) {
      for (let k = -d + fTrimLow; k <= d - fTrimHigh; k += 2) {
        const index = offset + k;
        let x =
          k === -d || (k !== d && at(forward, index - 1) < at(forward, index + 1))
            ? at(forward, index + 1)
            : at(forward, index - 1) + 1;
        let y = x - k;
        while (x < n && y < m && aIds[aLo + x] === bIds[bLo + y]) {
          x++;
          y++;
        }
        forward[index] = x;
        if (x > n) {
          fTrimHigh += 2;
        } else if (y > m) {
          fTrimLow += 2;
        } else if (meetsForward) {
          const other = offset + delta - k;
          if (other >= 0 && other < width && at(reverse, other) !== -1) {
            if (x >= n - at(reverse, other)) return [aLo + x, bLo + y];
          }
        }
      }

      for (let k = -d + rTrimLow; k <= d - rTrimHigh; k += 2) {
        const index = offset + k;
        let x =
          k === -d || (k !== d && at(reverse, index - 1) < at(reverse, index + 1))
            ? at(reverse, index + 1)
            : at(reverse, index - 1) + 1;
        let y = x - k;
        while (x < n && y < m && aIds[aHi - 1 - x] === bIds[bHi - 1 - y]) {
          x++;
          y++;
        }
        reverse[index] = x;
        if (x > n) {
          rTrimHigh += 2;
        } else if (y > m) {
          rTrimLow += 2;
        } else if (!meetsForward) {
          const other = offset + delta - k;
          if (other >= 0 && other < width && at(forward, other) !== -1) {
            const fx = at(forward, other);
            const fy = fx - (other - offset);
            if (fx >= n - x) return [aLo + fx, bLo + fy];
          }
        }
      }
    }
    return null;
  }
}

type Piece = { kind: 'equal'; text: string } | { kind: 'change'; del: string; ins: string };

/**
 * Joins single-token ops into runs. Each changed stretch becomes one delete followed by one insert,
 * and a whitespace-only equal run squeezed between two changes is folded into them: "~~the cat~~
 * a dog" reads better than four fragments split by a kept space.
 */
function tidy(ops: readonly DiffOp[]): DiffOp[] {
  const pieces: Piece[] = [];
  for (const op of ops) {
    const last = pieces.at(-1);
    if (op.kind === 'equal') {
      if (last?.kind === 'equal') last.text += op.text;
      else pieces.push({ kind: 'equal', text: op.text });
    } else {
      const change: Piece = last?.kind === 'change' ? last : { kind: 'change', del: '', ins: '' };
      if (change !== last) pieces.push(change);
      if (op.kind === 'delete') change.del += op.text;
      else change.ins += op.text;
    }
  }

  const folded: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    const previous = folded.at(-1);
    const next = pieces[i + 1];
    if (
      piece.kind === 'equal' &&
      /^\s+$/u.test(piece.text) &&
      previous?.kind === 'change' &&
      next?.kind === 'change'
    ) {
      previous.del += piece.text + next.del;
      previous.ins += piece.text + next.ins;
      i++;
      continue;
    }
    folded.push(piece);
  }

  const result: DiffOp[] = [];
  for (const piece of folded) {
    if (piece.kind === 'equal') {
      result.push({ kind: 'equal', text: piece.text });
      continue;
    }
    if (piece.del !== '') result.push({ kind: 'delete', text: piece.del });
    if (piece.ins !== '') result.push({ kind: 'insert', text: piece.ins });
  }
  return result;
}
