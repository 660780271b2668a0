import { describe, expect, it } from 'vitest';
import { translationCacheKey } from './cache-key';

const base = {
  provider: 'apertium',
  cacheIdentity: 'apy@http://localhost:2737',
  from: 'en',
  to: 'es',
  text: 'Hello.',
};

describe('translationCacheKey', () => {
  it('changes with each part that changes the output', () => {
    const keys = new Set([
      translationCacheKey(base),
      translationCacheKey({ ...base, provider: 'libretranslate' }),
      translationCacheKey({ ...base, cacheIdentity: 'apy@http://other:2737' }),
      translationCacheKey({ ...base, from: 'ca' }),
      translationCacheKey({ ...base, to: 'ca' }),
      translationCacheKey({ ...base, text: 'Hello!' }),
    ]);
    expect(keys.size).toBe(6);
  });

  it('ignores surrounding whitespace, which does not change a translation', () => {
    expect(translationCacheKey({ ...base, text: '  Hello. ' })).toBe(translationCacheKey(base));
  });
});
