/**
 * Source-language detection. The writing system settles most non-Latin languages at once (Hangul
 * is Korean, kana is Japanese…); the trigram detector `franc-min`, loaded only when needed, tells
 * Latin- and Cyrillic-script languages apart. A sample from across the text is enough and keeps
 * this cheap on book-length documents.
 */
import { iso3ToBcp47 } from './codes';

export interface DetectedLanguage {
  /** BCP 47 primary tag, e.g. `en`, `ko`. */
  language: string;
  /** `high` when the script or a clear trigram margin decided it. */
  confidence: 'high' | 'low';
}

const SAMPLE_CHARS = 2000;

/** Unicode script counts over letters, which decide languages that own their script. */
function scriptShares(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let letters = 0;
  for (const char of text) {
    const script = scriptOf(char);
    if (script === null) continue;
    letters++;
    counts[script] = (counts[script] ?? 0) + 1;
  }
  const shares: Record<string, number> = {};
  for (const [script, count] of Object.entries(counts))
    shares[script] = count / Math.max(1, letters);
  shares.letters = letters;
  return shares;
}

const SCRIPT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['armenian', /\p{Script=Armenian}/u],
];

function scriptOf(char: string): string | null {
  if (!/\p{L}/u.test(char)) return null;
  for (const [name, pattern] of SCRIPT_PATTERNS) if (pattern.test(char)) return name;
  return 'other';
}

/** Takes the start, middle and end of a long text, so a long English preface does not hide a French body. */
export function sampleText(text: string, size = SAMPLE_CHARS): string {
  if (text.length <= size) return text;
  const third = Math.floor(size / 3);
  const middle = Math.floor(text.length / 2 - third / 2);
  return `${text.slice(0, third)}\n${text.slice(middle, middle + third)}\n${text.slice(-third)}`;
}

/** Detects by script alone; null when the script is shared by many languages (Latin, Cyrillic…). */
export function detectByScript(text: string): DetectedLanguage | null {
  const shares = scriptShares(text);
  const share = (name: string) => shares[name] ?? 0;
  if ((shares.letters ?? 0) < 3) return null;
  if (share('hangul') >= 0.3) return { language: 'ko', confidence: 'high' };
  if (share('kana') >= 0.05 && share('kana') + share('han') >= 0.4)
    return { language: 'ja', confidence: 'high' };
  if (share('han') >= 0.4) return { language: 'zh', confidence: 'high' };
  if (share('greek') >= 0.5) return { language: 'el', confidence: 'high' };
  if (share('thai') >= 0.5) return { language: 'th', confidence: 'high' };
  if (share('georgian') >= 0.5) return { language: 'ka', confidence: 'high' };
  if (share('armenian') >= 0.5) return { language: 'hy', confidence: 'high' };
  if (share('hebrew') >= 0.5) return { language: 'he', confidence: 'low' };
  return null;
}

/** Loads the trigram detector ahead of need (it is fetched on demand otherwise). */
export function preloadDetector(): void {
  void import('franc-min');
}

/** Detects the language of an article's text; null when there is too little text to tell. */
export async function detectLanguage(text: string): Promise<DetectedLanguage | null> {
  const sample = sampleText(text);
  const byScript = detectByScript(sample);
  if (byScript) return byScript;
  const { francAll } = await import('franc-min');
  const ranked = francAll(sample, { minLength: 10 });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return null;
  const margin = best[1] - (second?.[1] ?? 0);
  return {
    language: iso3ToBcp47(best[0]),
    confidence: margin > 0.05 && sample.length > 80 ? 'high' : 'low',
  };
}
