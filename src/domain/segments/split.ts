/**
 * Splits a text that is too long for one engine request into pieces at sentence boundaries
 * (Intl.Segmenter), falling back to word boundaries and, for a single unbroken run, to code points.
 * Every piece is at most `maxChars` UTF-16 units; the pieces, trimmed and rejoined with
 * {@link joinPieces}, give back the text's words unchanged.
 */

export function splitForLimit(text: string, maxChars: number, locale?: string): string[] {
  if (maxChars < 1) throw new RangeError('maxChars must be at least 1');
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed === '' ? [] : [trimmed];

  const pieces: string[] = [];
  let current = '';
  const push = () => {
    const piece = current.trim();
    if (piece !== '') pieces.push(piece);
    current = '';
  };

  for (const sentence of segments(trimmed, 'sentence', locale)) {
    if (current.length + sentence.length <= maxChars) {
      current += sentence;
      continue;
    }
    push();
    if (sentence.length <= maxChars) {
      current = sentence;
      continue;
    }
    // One sentence longer than a request: fall back to words.
    for (const word of segments(sentence, 'word', locale)) {
      if (current.length + word.length <= maxChars) {
        current += word;
        continue;
      }
      push();
      if (word.length <= maxChars) {
        current = word;
        continue;
      }
      for (const chunk of codePointChunks(word, maxChars)) pieces.push(chunk);
    }
  }
  push();
  return pieces;
}

/** Rejoins translated pieces: no space between pieces in languages written without spaces. */
export function joinPieces(pieces: readonly string[], targetLanguage: string): string {
  const unspaced = /^(ja|zh|th|lo|km|my)\b/i.test(targetLanguage);
  return pieces.map((piece) => piece.trim()).join(unspaced ? '' : ' ');
}

function* segments(
  text: string,
  granularity: 'sentence' | 'word',
  locale: string | undefined,
): Generator<string> {
  const segmenter = new Intl.Segmenter(locale, { granularity });
  for (const { segment } of segmenter.segment(text)) yield segment;
}

function* codePointChunks(text: string, maxChars: number): Generator<string> {
  let chunk = '';
  for (const char of text) {
    if (chunk.length + char.length > maxChars) {
      yield chunk;
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') yield chunk;
}
