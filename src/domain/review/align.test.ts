import { describe, expect, it } from 'vitest';
import { alignSentences, splitSentences, type Span } from './align';

const sliced = (text: string, spans: readonly Span[]) =>
  spans.map((span) => text.slice(span.start, span.end));

describe('splitSentences', () => {
  it('returns trimmed sentences with offsets into the original text', () => {
    const text = '  Hello world.  How are you?\nFine, thanks! ';
    const spans = splitSentences(text, 'en');
    expect(spans).toEqual([
      { text: 'Hello world.', start: 2, end: 14 },
      { text: 'How are you?', start: 16, end: 28 },
      { text: 'Fine, thanks!', start: 29, end: 42 },
    ]);
    expect(sliced(text, spans)).toEqual(spans.map((span) => span.text));
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('', 'en')).toEqual([]);
    expect(splitSentences(' \n\t ', 'en')).toEqual([]);
  });

  it('keeps a text without a final stop as one sentence', () => {
    expect(splitSentences('No full stop here', 'en')).toEqual([
      { text: 'No full stop here', start: 0, end: 17 },
    ]);
  });

  it('splits Japanese and Chinese at ideographic full stops', () => {
    const text = '東京は晴れです。大阪は雨でした。';
    expect(splitSentences(text, 'ja')).toEqual([
      { text: '東京は晴れです。', start: 0, end: 8 },
      { text: '大阪は雨でした。', start: 8, end: 16 },
    ]);
    expect(splitSentences('我们明天去。你呢？', 'zh-Hans').map((span) => span.text)).toEqual([
      '我们明天去。',
      '你呢？',
    ]);
  });

  it('splits Korean, Spanish and Arabic', () => {
    expect(splitSentences('서울은 붐볐다. 시민들은 불편했다.', 'ko').map((s) => s.text)).toEqual([
      '서울은 붐볐다.',
      '시민들은 불편했다.',
    ]);
    expect(splitSentences('¿Dónde está? ¡Aquí! Gracias.', 'es').map((s) => s.text)).toEqual([
      '¿Dónde está?',
      '¡Aquí!',
      'Gracias.',
    ]);
    const arabic = 'كيف حالك؟ أنا بخير.';
    const spans = splitSentences(arabic, 'ar');
    expect(spans.map((s) => s.text)).toEqual(['كيف حالك؟', 'أنا بخير.']);
    expect(sliced(arabic, spans)).toEqual(['كيف حالك؟', 'أنا بخير.']);
  });

  it('counts offsets in UTF-16 units past astral characters', () => {
    const text = '😀 Emoji first. Then more.';
    const spans = splitSentences(text, 'en');
    expect(spans[1]).toEqual({ text: 'Then more.', start: 16, end: 26 });
    expect(sliced(text, spans)).toEqual(['😀 Emoji first.', 'Then more.']);
  });

  it('keeps offsets right in a very long paragraph', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} ends here.`).join(
      ' ',
    );
    const spans = splitSentences(text, 'en');
    expect(spans).toHaveLength(3000);
    expect(spans[2999]!.text).toBe('Sentence number 2999 ends here.');
    expect(sliced(text, spans)).toEqual(spans.map((span) => span.text));
  });
});

describe('alignSentences', () => {
  it('pairs sentences by position when both sides have as many', () => {
    const source = 'The sun is out. It is warm.';
    const target = 'Die Sonne scheint. Es ist warm.';
    const result = alignSentences(source, 'en', target, 'de');
    expect(result.pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(sliced(source, result.source)).toEqual(['The sun is out.', 'It is warm.']);
    expect(result.target).toEqual([
      { text: 'Die Sonne scheint.', start: 0, end: 18 },
      { text: 'Es ist warm.', start: 19, end: 31 },
    ]);
  });

  it('pairs across scripts', () => {
    const result = alignSentences(
      'It is sunny in Tokyo. It rains in Osaka.',
      'en',
      '東京は晴れです。大阪は雨です。',
      'ja',
    );
    expect(result.pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(result.target[1]).toEqual({ text: '大阪は雨です。', start: 8, end: 15 });
  });

  it('gives no pairs when the counts differ, but still the spans', () => {
    const result = alignSentences('One. Two. Three.', 'en', 'Uno y dos. Tres.', 'es');
    expect(result.pairs).toBeNull();
    expect(result.source).toHaveLength(3);
    expect(result.target).toHaveLength(2);
  });

  it('pairs nothing with nothing', () => {
    expect(alignSentences('', 'en', '  ', 'fr')).toEqual({ source: [], target: [], pairs: [] });
    expect(alignSentences('Something.', 'en', '', 'fr').pairs).toBeNull();
  });
});
