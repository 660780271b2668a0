import { hashText } from '../hash';

export interface CacheKeyParts {
  provider: string;
  /** The engine's identity beyond its id: endpoint, model, version. */
  cacheIdentity: string;
  from: string;
  to: string;
  text: string;
}

/**
 * A translation cache key names everything that changes the output: engine, its identity, source
 * and target language, and the text (hashed). Two keys are equal only when a cached translation is
 * valid for both.
 */
export function translationCacheKey({
  provider,
  cacheIdentity,
  from,
  to,
  text,
}: CacheKeyParts): string {
  return [provider, cacheIdentity, from, to, hashText(text.trim())].join('|');
}
