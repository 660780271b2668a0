import { describe, expect, it } from 'vitest';
import type { QaInput } from './checks';
import {
  CJK_MIN_RATIO,
  MAX_RATIO,
  MAX_RATIO_SHORT_SOURCE,
  MIN_RATIO,
  checkLengthRatio,
  checkRepeatedWords,
  checkUntranslated,
  findRepetitions,
  lengthRatioLimits,
  weightedLength,
} from './words';

function pair(
  source: string,
  target: string,
  targetLanguage = 'es',
  sourceLanguage = 'en',
): QaInput {
  return { source, target, sourceLanguage, targetLanguage };
}

describe('checkUntranslated', () => {
  it('flags a sentence copied unchanged', () => {
    expect(checkUntranslated(pair('Click here to continue.', 'Click here to continue.'))).toEqual({
      check: 'untranslated',
      severity: 'warning',
    });
  });

  it('ignores whitespace differences when comparing', () => {
    expect(
      checkUntranslated(pair('Click here  to\ncontinue. ', ' Click here to continue.')),
    ).not.toBeNull();
  });

  it('flags copied CJK text', () => {
    expect(
      checkUntranslated(pair('東京に行きます。', '東京に行きます。', 'en', 'ja')),
    ).not.toBeNull();
  });

  it.each([
    ['a translation', 'Click here to continue.', 'Haga clic aquí para continuar.'],
    ['a single word', 'Internet', 'Internet'],
    ['a name', 'Barack Obama', 'Barack Obama'],
    ['a title-case name', 'New York Times', 'New York Times'],
    ['a number', '1,275', '1,275'],
    ['a code', 'ABC-123', 'ABC-123'],
    ['a URL', 'https://example.com/some-long-path', 'https://example.com/some-long-path'],
    ['an e-mail address', 'first.last@example.com', 'first.last@example.com'],
    ['emoji only', '🎉 🎉', '🎉 🎉'],
  ])('passes %s', (_name, source, target) => {
    expect(checkUntranslated(pair(source, target))).toBeNull();
  });

  it('passes between variants of one language', () => {
    expect(
      checkUntranslated(
        pair('Click here to continue.', 'Click here to continue.', 'en-GB', 'en-US'),
      ),
    ).toBeNull();
  });
});

describe('findRepetitions', () => {
  it('finds doubled words in any script, ignoring case', () => {
    expect(findRepetitions('The the cat', 'en').map((r) => r.word)).toEqual(['The']);
    expect(findRepetitions('Привет привет', 'ru').map((r) => r.key)).toEqual(['привет']);
    expect(findRepetitions('مرحبا مرحبا بك', 'ar').map((r) => r.key)).toEqual(['مرحبا']);
    expect(findRepetitions('사용자 사용자', 'ko')).toHaveLength(1);
  });

  it('needs whitespace, and only whitespace, between the two', () => {
    expect(findRepetitions('the, the', 'en')).toEqual([]);
    expect(findRepetitions('the-the', 'en')).toEqual([]);
    expect(findRepetitions('看看', 'zh')).toEqual([]);
    expect(findRepetitions('the 🎉 the', 'en')).toEqual([]);
  });

  it('ignores numbers and words with digits', () => {
    expect(findRepetitions('10 10 and A4 A4', 'en')).toEqual([]);
  });
});

describe('checkRepeatedWords', () => {
  it('flags a doubled word', () => {
    expect(checkRepeatedWords(pair('the cat', 'el el gato'))).toEqual({
      check: 'repeated-words',
      severity: 'warning',
      params: { word: 'el' },
    });
    expect(checkRepeatedWords(pair('The cat', 'The the cat', 'en-GB'))?.params).toEqual({
      word: 'The',
    });
  });

  it('passes text without repetition', () => {
    expect(checkRepeatedWords(pair('the cat', 'el gato'))).toBeNull();
  });

  it('passes a repetition the source has too', () => {
    expect(checkRepeatedWords(pair('Bora Bora is far.', 'Bora Bora está lejos.'))).toBeNull();
    expect(checkRepeatedWords(pair('very very good', 'muy muy bueno'))).toBeNull();
  });

  it('still flags one repetition more than the source has', () => {
    expect(checkRepeatedWords(pair('very very good', 'muy muy bueno el el'))?.params).toEqual({
      word: 'el',
    });
  });

  it('passes grammatical repetitions', () => {
    expect(checkRepeatedWords(pair('We met.', 'Nous nous sommes vus.', 'fr'))).toBeNull();
    expect(checkRepeatedWords(pair('He had left.', 'He had had enough.', 'en-GB'))).toBeNull();
  });
});

describe('weightedLength', () => {
  it('counts code points, collapsing whitespace runs', () => {
    expect(weightedLength('ab  c\n')).toBe(4);
    expect(weightedLength('😀')).toBe(1);
  });

  it('weights CJK characters', () => {
    expect(weightedLength('日本')).toBe(6);
    expect(weightedLength('かな')).toBe(4);
    expect(weightedLength('한국')).toBe(4);
  });
});

describe('lengthRatioLimits', () => {
  it('allows short sources to grow more', () => {
    expect(lengthRatioLimits(15, false)).toEqual({ min: MIN_RATIO, max: MAX_RATIO_SHORT_SOURCE });
    expect(lengthRatioLimits(40, false)).toEqual({ min: MIN_RATIO, max: MAX_RATIO });
  });

  it('widens the limits for CJK', () => {
    const cjk = lengthRatioLimits(40, true);
    expect(cjk.min).toBe(CJK_MIN_RATIO);
    expect(cjk.min).toBeLessThan(MIN_RATIO);
    expect(cjk.max).toBeGreaterThan(MAX_RATIO);
  });
});

describe('checkLengthRatio', () => {
  const source = 'The quick brown fox jumps over the lazy dog.';

  it('passes an ordinary translation', () => {
    expect(
      checkLengthRatio(pair(source, 'El rápido zorro marrón salta sobre el perro perezoso.')),
    ).toBeNull();
  });

  it('flags a target far too long', () => {
    expect(checkLengthRatio(pair(source, source.repeat(3)))).toEqual({
      check: 'length-ratio',
      severity: 'warning',
      params: { ratio: 300 },
    });
  });

  it('flags a target far too short', () => {
    expect(checkLengthRatio(pair(source, 'Zorro.'))?.params).toEqual({ ratio: 14 });
  });

  it('lets short sources grow up to 350%', () => {
    expect(checkLengthRatio(pair('Save changes', 'Guardar todos los cambios ahora'))).toBeNull();
    expect(checkLengthRatio(pair('Save changes', 'x'.repeat(50)))).not.toBeNull();
  });

  it('skips very short sources', () => {
    expect(checkLengthRatio(pair('OK', 'De acuerdo, entendido'))).toBeNull();
  });

  it('passes CJK translations that are much shorter in characters', () => {
    expect(checkLengthRatio(pair(source, '敏捷的棕色狐狸跳过了懒狗。', 'zh'))).toBeNull();
    expect(
      checkLengthRatio(pair(source, '素早い茶色の狐がのろまな犬を飛び越える。', 'ja')),
    ).toBeNull();
    expect(
      checkLengthRatio(pair(source, '빠른 갈색 여우가 게으른 개를 뛰어넘는다.', 'ko')),
    ).toBeNull();
    expect(checkLengthRatio(pair('敏捷的棕色狐狸跳过了懒狗。', source, 'en', 'zh'))).toBeNull();
  });

  it('still flags a CJK target that lost most of the sentence', () => {
    expect(checkLengthRatio(pair(source, '狐。', 'zh'))).not.toBeNull();
  });
});
