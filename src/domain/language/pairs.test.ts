import { describe, expect, it } from 'vitest';
import { bestPair, targetsFrom } from './pairs';

const apertium = [
  { from: 'en', to: 'es' },
  { from: 'en', to: 'ca-valencia' },
  { from: 'en', to: 'ca' },
  { from: 'es', to: 'en-US' },
  { from: 'es', to: 'en' },
];

describe('bestPair', () => {
  it('prefers the exact tags, then the plain language, then a variant', () => {
    expect(bestPair(apertium, 'en', 'ca')).toEqual({ from: 'en', to: 'ca' });
    expect(bestPair(apertium, 'en', 'ca-valencia')).toEqual({ from: 'en', to: 'ca-valencia' });
    expect(bestPair(apertium, 'en-GB', 'es-MX')).toEqual({ from: 'en', to: 'es' });
    expect(bestPair(apertium, 'es', 'en')).toEqual({ from: 'es', to: 'en' });
    expect(bestPair([{ from: 'es', to: 'en-US' }], 'es', 'en')).toEqual({
      from: 'es',
      to: 'en-US',
    });
  });

  it('finds nothing for a pair the engine lacks', () => {
    expect(bestPair(apertium, 'en', 'ko')).toBeNull();
    expect(bestPair(apertium, 'ko', 'en')).toBeNull();
  });
});

describe('targetsFrom', () => {
  it('lists targets from a source, once each', () => {
    expect(targetsFrom(apertium, 'en-US')).toEqual(['es', 'ca-valencia', 'ca']);
    expect(targetsFrom(apertium, 'ko')).toEqual([]);
  });
});
