/**
 * Matching what the reader wants (a source and a target language) to what an engine offers. Engines
 * name languages their own way (`ca-valencia`, `en-US`, `zh-Hans`), so an exact tag wins, then the
 * plain language, then any variant of it.
 */
import type { LanguagePair } from '../providers/types';
import { primarySubtag, sameLanguage } from './codes';

export function bestPair(
  pairs: readonly LanguagePair[],
  source: string,
  target: string,
): LanguagePair | null {
  const score = (pair: LanguagePair) =>
    (pair.to === target ? 4 : pair.to === primarySubtag(target) ? 2 : 1) * 10 +
    (pair.from === source ? 2 : pair.from === primarySubtag(source) ? 1 : 0);
  let best: LanguagePair | null = null;
  let bestScore = 0;
  for (const pair of pairs) {
    if (!sameLanguage(pair.from, source) || !sameLanguage(pair.to, target)) continue;
    const value = score(pair);
    if (value > bestScore) {
      best = pair;
      bestScore = value;
    }
  }
  return best;
}

/** The target languages an engine offers from `source`, in its own tags. */
export function targetsFrom(pairs: readonly LanguagePair[], source: string): string[] {
  return [
    ...new Set(pairs.filter((pair) => sameLanguage(pair.from, source)).map((pair) => pair.to)),
  ];
}
