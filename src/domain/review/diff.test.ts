import { describe, expect, it } from 'vitest';
import {
  MAX_DIFF_TOKENS,
  diffTexts,
  isCjkLanguage,
  segmentText,
  tokenize,
  type DiffOp,
} from './diff';

const rebuilt = (ops: readonly DiffOp[], side: 'before' | 'after') =>
  ops
    .filter((op) => op.kind === 'equal' || op.kind === (side === 'before' ? 'delete' : 'insert'))
    .map((op) => op.text)
    .join('');

/** What is wrong with a diff; empty when it rebuilds both texts and is merged properly. */
function problems(ops: readonly DiffOp[], before: string, after: string): string[] {
  const found: string[] = [];
  if (rebuilt(ops, 'before') !== before) found.push('equal + delete does not give before');
  if (rebuilt(ops, 'after') !== after) found.push('equal + insert does not give after');
  for (const [i, op] of ops.entries()) {
    if (op.text === '') found.push(`empty op at ${i}`);
    const next = ops[i + 1];
    if (next?.kind === op.kind) found.push(`unmerged ${op.kind} at ${i}`);
    // Within a changed stretch the deletion always comes first.
    if (op.kind === 'insert' && next && next.kind !== 'equal') found.push(`insert before ${i + 1}`);
  }
  return found;
}

/** Deterministic PRNG so a failing case can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) {
      current[j] = x === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

const REAL_PAIRS: [string, string, string][] = [
  [
    'en',
    'The committee approved the budget on Tuesday.',
    'The board approved the new budget on Monday.',
  ],
  ['en', "It's 7,000 km (4,350 mi) away — roughly.", 'It is about 7000 km away.'],
  ['en', 'Line one.\nLine two.\n\nLine three.', 'Line one.\nLine 2.\nLine three!'],
  ['es', '¿Dónde está la estación de tren?', '¿Dónde queda la estación del tren?'],
  [
    'es',
    'El gobierno anunció nuevas medidas económicas.',
    'El Gobierno anunció hoy medidas económicas nuevas.',
  ],
  ['ko', '서울 지하철은 출근 시간에 매우 붐볐다.', '서울 지하철은 아침 출근 시간에 붐볐다.'],
  ['ko', '시민들은 불편을 호소했다.', '시민들이 큰 불편을 호소했다!'],
  ['ja', '東京は今日も晴れです。', '大阪は今日は雨でした。'],
  ['ja', '会議は午後三時に始まります。', '会議は午後3時に開始します。'],
  ['zh-Hans', '我们明天去北京开会。', '我们后天去上海开会。'],
  ['zh-Hant', '這個問題很難回答。', '這個問題不難回答。'],
  ['ar', 'ذهب الولد إلى المدرسة في الصباح.', 'ذهبت البنت إلى المدرسة في المساء.'],
  ['ar', 'مرحبا بالعالم، كيف حالك؟', 'أهلا بالعالم، كيف الحال؟'],
  ['en', '', 'Added from nothing.'],
  ['en', 'Removed entirely.', ''],
  ['en', 'Same text.', 'Same text.'],
  ['ja', '👨‍👩‍👧 家族', '👨‍👩‍👦 家族'],
];

describe('isCjkLanguage', () => {
  it('recognises Chinese, Japanese and Korean tags in any form', () => {
    for (const tag of [
      'zh',
      'zh-Hans',
      'zh-Hant-TW',
      'ZH_hk',
      'ja',
      'ja-JP',
      'ko',
      'ko-KR',
      'yue',
    ]) {
      expect(isCjkLanguage(tag)).toBe(true);
    }
  });

  it('rejects other languages, including look-alike prefixes', () => {
    for (const tag of ['en', 'es', 'ar', 'kok', 'jam', 'zu', 'th', '', 'vi']) {
      expect(isCjkLanguage(tag)).toBe(false);
    }
  });
});

describe('tokenize', () => {
  it('keeps words, spaces and punctuation so the tokens rejoin to the text', () => {
    const text = 'Hello,  world! 3.14 isn’t e-mail.\n';
    const tokens = tokenize(text, 'en');
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('Hello');
    expect(tokens).toContain(',');
    expect(tokens).toContain('  ');
    expect(tokens).toContain('3.14');
  });

  it('cuts CJK into grapheme clusters', () => {
    expect(tokenize('東京です', 'ja')).toEqual(['東', '京', 'で', 'す']);
    expect(tokenize('가족👨‍👩‍👧', 'ko')).toEqual(['가', '족', '👨‍👩‍👧']);
  });

  it('does not throw on a malformed language tag', () => {
    expect(tokenize('a b', 'not a tag!').join('')).toBe('a b');
    expect(tokenize('a b', '').join('')).toBe('a b');
  });
});

describe('segmentText', () => {
  const direct = (text: string, language: string, granularity: 'grapheme' | 'word' | 'sentence') =>
    Array.from(new Intl.Segmenter(language, { granularity }).segment(text), (data) => ({
      segment: data.segment,
      index: data.index,
      isWordLike: data.isWordLike ?? false,
    }));
  const chunked = (text: string, language: string, granularity: 'grapheme' | 'word' | 'sentence') =>
    Array.from(segmentText(text, language, granularity));

  const english = Array.from(
    { length: 220 },
    (_, i) =>
      `Sentence ${i} isn't short, (really) — it costs $7,000.50 per e-mail?! ` +
      (i % 7 === 0 ? '\n\n' : i % 5 === 0 ? '\r\n' : ''),
  ).join('');
  const japanese = Array.from(
    { length: 300 },
    (_, i) => `東京は${i}日も晴れです。カタカナ、ひらがな👨‍👩‍👧が🇯🇵混ざる。`,
  ).join('');
  const korean = Array.from({ length: 300 }, (_, i) => `서울 지하철은 ${i}번 붐볐다. `).join('');

  it('matches a direct segmentation of long texts, word by word', () => {
    expect(english.length).toBeGreaterThan(10_000);
    expect(chunked(english, 'en', 'word')).toEqual(direct(english, 'en', 'word'));
    expect(chunked(korean, 'ko', 'word')).toEqual(direct(korean, 'ko', 'word'));
  });

  it('matches a direct segmentation of long texts, grapheme by grapheme', () => {
    expect(chunked(japanese, 'ja', 'grapheme')).toEqual(direct(japanese, 'ja', 'grapheme'));
    expect(chunked(english, 'en', 'grapheme')).toEqual(direct(english, 'en', 'grapheme'));
  });

  it('matches a direct segmentation of long texts, sentence by sentence', () => {
    const long = english.repeat(3);
    expect(chunked(long, 'en', 'sentence')).toEqual(direct(long, 'en', 'sentence'));
    expect(chunked(japanese, 'ja', 'sentence')).toEqual(direct(japanese, 'ja', 'sentence'));
  });

  it('gives exact offsets even where a text has no natural place to cut', () => {
    const texts = ['a'.repeat(5000), `x${'\u0301'.repeat(3000)}y`, '😀'.repeat(3000)];
    for (const text of texts) {
      for (const granularity of ['grapheme', 'word', 'sentence'] as const) {
        const segments = chunked(text, 'en', granularity);
        expect(segments.map((data) => data.segment).join('')).toBe(text);
        for (const data of segments) {
          expect(text.slice(data.index, data.index + data.segment.length)).toBe(data.segment);
        }
      }
    }
  });

  it('never splits a surrogate pair', () => {
    const segments = chunked('😀'.repeat(3000), 'en', 'grapheme');
    expect(segments).toHaveLength(3000);
    expect(segments.every((data) => data.segment === '😀')).toBe(true);
  });
});

describe('diffTexts', () => {
  it('returns nothing for two empty texts and one equal op for identical ones', () => {
    expect(diffTexts('', '', 'en')).toEqual([]);
    expect(diffTexts('Same.', 'Same.', 'en')).toEqual([{ kind: 'equal', text: 'Same.' }]);
  });

  it('reports a pure insertion or deletion', () => {
    expect(diffTexts('', 'New text', 'en')).toEqual([{ kind: 'insert', text: 'New text' }]);
    expect(diffTexts('Old text', '', 'en')).toEqual([{ kind: 'delete', text: 'Old text' }]);
  });

  it('diffs whole words in spaced languages', () => {
    expect(diffTexts('The cat sat on the mat.', 'The dog sat on the mat.', 'en')).toEqual([
      { kind: 'equal', text: 'The ' },
      { kind: 'delete', text: 'cat' },
      { kind: 'insert', text: 'dog' },
      { kind: 'equal', text: ' sat on the mat.' },
    ]);
  });

  it('never splits a word into characters outside CJK', () => {
    const ops = diffTexts('running quickly', 'runner quickly', 'en');
    expect(ops).toEqual([
      { kind: 'delete', text: 'running' },
      { kind: 'insert', text: 'runner' },
      { kind: 'equal', text: ' quickly' },
    ]);
  });

  it('folds a lone space between two changes into one change', () => {
    expect(diffTexts('The cat sat.', 'A dog sat.', 'en')).toEqual([
      { kind: 'delete', text: 'The cat' },
      { kind: 'insert', text: 'A dog' },
      { kind: 'equal', text: ' sat.' },
    ]);
  });

  it('keeps a real word between two changes as an equal op', () => {
    expect(diffTexts('a b c', 'x b y', 'en')).toEqual([
      { kind: 'delete', text: 'a' },
      { kind: 'insert', text: 'x' },
      { kind: 'equal', text: ' b ' },
      { kind: 'delete', text: 'c' },
      { kind: 'insert', text: 'y' },
    ]);
  });

  it('diffs CJK character by character', () => {
    expect(diffTexts('東京は晴れです。', '大阪は雨です。', 'ja')).toEqual([
      { kind: 'delete', text: '東京' },
      { kind: 'insert', text: '大阪' },
      { kind: 'equal', text: 'は' },
      { kind: 'delete', text: '晴れ' },
      { kind: 'insert', text: '雨' },
      { kind: 'equal', text: 'です。' },
    ]);
    expect(diffTexts('这个问题很难', '这个问题不难', 'zh-Hans')).toEqual([
      { kind: 'equal', text: '这个问题' },
      { kind: 'delete', text: '很' },
      { kind: 'insert', text: '不' },
      { kind: 'equal', text: '难' },
    ]);
  });

  it('diffs Korean inside a spaced word', () => {
    expect(diffTexts('시민들은 불편을', '시민들이 불편을', 'ko')).toEqual([
      { kind: 'equal', text: '시민들' },
      { kind: 'delete', text: '은' },
      { kind: 'insert', text: '이' },
      { kind: 'equal', text: ' 불편을' },
    ]);
  });

  it('keeps grapheme clusters whole in CJK mode', () => {
    const ops = diffTexts('👨‍👩‍👧 家族', '👨‍👩‍👦 家族', 'ja');
    expect(ops).toEqual([
      { kind: 'delete', text: '👨‍👩‍👧' },
      { kind: 'insert', text: '👨‍👩‍👦' },
      { kind: 'equal', text: ' 家族' },
    ]);
  });

  it.each(REAL_PAIRS)('rebuilds both sides of a real %s pair', (language, before, after) => {
    expect(problems(diffTexts(before, after, language), before, after)).toEqual([]);
  });

  it('keeps both sides exact for Arabic with a changed word', () => {
    const ops = diffTexts('ذهب الولد إلى المدرسة', 'ذهب الولد إلى البيت', 'ar');
    expect(ops).toEqual([
      { kind: 'equal', text: 'ذهب الولد إلى ' },
      { kind: 'delete', text: 'المدرسة' },
      { kind: 'insert', text: 'البيت' },
    ]);
  });

  it('rebuilds both sides for many random edits of word sequences', () => {
    const next = random(42);
    const vocabulary = ['the', 'a', 'cat', 'dog', ',', '.', 'ran', 'über', 'naïve', '7,000', '—'];
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: Math.floor(next() * 30) }, () => pick(vocabulary));
      const edited = [...words];
      const edits = Math.floor(next() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (edited.length + 1));
        const action = next();
        if (action < 0.33) edited.splice(at, 1);
        else if (action < 0.66) edited.splice(at, 0, pick(vocabulary));
        else edited[at] = pick(vocabulary);
      }
      const separator = () => pick([' ', ' ', '  ', '\n']);
      const before = words.map((word) => word + separator()).join('');
      const after = edited.map((word) => word + separator()).join('');
      expect(problems(diffTexts(before, after, pick(['en', 'es', 'ar'])), before, after)).toEqual(
        [],
      );
    }
  });

  it('finds a longest common subsequence (checked against dynamic programming)', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const make = () =>
        Array.from({ length: Math.floor(next() * 40) }, () => 'abcd'[Math.floor(next() * 4)]).join(
          '',
        );
      const before = make();
      const after = make();
      // No whitespace in these CJK-mode texts, so nothing is folded and every equal character
      // is part of the common subsequence.
      const ops = diffTexts(before, after, 'zh');
      expect(problems(ops, before, after)).toEqual([]);
      const kept = ops
        .filter((op) => op.kind === 'equal')
        .reduce((sum, op) => sum + op.text.length, 0);
      expect(kept).toBe(lcsLength(Array.from(before), Array.from(after)));
    }
  });

  it('finds a longest common subsequence for random CJK texts', () => {
    const next = random(99);
    const chars = Array.from('東京大阪は晴雨です。');
    for (let round = 0; round < 100; round++) {
      const make = () =>
        Array.from(
          { length: Math.floor(next() * 60) },
          () => chars[Math.floor(next() * chars.length)],
        ).join('');
      const before = make();
      const after = make();
      const ops = diffTexts(before, after, 'ja');
      expect(problems(ops, before, after)).toEqual([]);
      const kept = ops
        .filter((op) => op.kind === 'equal')
        .map((op) => op.text)
        .join('');
      expect(Array.from(kept)).toHaveLength(lcsLength(Array.from(before), Array.from(after)));
    }
  });

  it('falls back to one delete and one insert for a huge differing middle', () => {
    const before = `Start. ${Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ')} End.`;
    const after = `Start. ${Array.from({ length: 10_000 }, (_, i) => `v${i}`).join(' ')} End.`;
    expect(tokenize(before, 'en').length).toBeGreaterThan(MAX_DIFF_TOKENS * 4);
    const ops = diffTexts(before, after, 'en');
    expect(problems(ops, before, after)).toEqual([]);
    expect(ops.map((op) => op.kind)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(ops[0]!.text).toBe('Start. ');
    expect(ops[3]!.text).toBe(' End.');
  });

  it('stays precise for a huge text with a small change', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`);
    const before = words.join(' ');
    const edited = [...words];
    edited[5000] = 'CHANGED';
    const after = edited.join(' ');
    const ops = diffTexts(before, after, 'en');
    expect(problems(ops, before, after)).toEqual([]);
    expect(ops.filter((op) => op.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'w5000' },
      { kind: 'insert', text: 'CHANGED' },
    ]);
  });

  it('stays precise just under the token limit', () => {
    const next = random(3);
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const before = `<${words.join(' ')}>`;
    const after = `[${words.map((word) => (next() < 0.05 ? `${word}x` : word)).join(' ')}]`;
    const ops = diffTexts(before, after, 'en');
    expect(problems(ops, before, after)).toEqual([]);
    expect(ops.filter((op) => op.kind === 'equal').length).toBeGreaterThan(10);
  });
});
