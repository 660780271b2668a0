/**
 * The Apertium provider against a real APy server (started by `npm test`; APY_URL overrides the
 * default). These fail, rather than skip, when the engine is missing: the provider is only known to
 * work when it has talked to the real thing.
 */
import { describe, expect, it } from 'vitest';
import { createApertiumProvider } from '../../src/domain/providers/apertium';
import { TranslationQueue } from '../../src/domain/queue/translation-queue';

const endpoint = process.env.APY_URL ?? 'http://localhost:2737';

describe('Apertium APy (real server)', () => {
  const provider = createApertiumProvider({ endpoint });

  it('lists English→Spanish and English→Catalan', async () => {
    const pairs = await provider.listPairs();
    expect(pairs).toContainEqual({ from: 'en', to: 'es' });
    expect(pairs).toContainEqual({ from: 'en', to: 'ca' });
  });

  it('translates several paragraphs in one request and keeps them aligned', async () => {
    const texts = [
      'The city opened a new tram line.',
      'Prices rose by 5 < 6 & more.',
      'The committee will meet again next week.',
    ];
    const result = await provider.translate(texts, 'en', 'es');
    expect(result).toHaveLength(3);
    expect(result[0]).toMatch(/ciudad/i);
    expect(result[1]).toContain('5 < 6 &');
    expect(result[2]).toMatch(/semana/i);
  });

  it('reports an uninstalled pair', async () => {
    await expect(provider.translate(['Hello'], 'en', 'ko')).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
  });

  it('translates a long article through the queue without losing paragraphs', async () => {
    const queue = new TranslationQueue(provider, 'en', 'es');
    const paragraphs = Array.from(
      { length: 120 },
      (_, i) =>
        `Paragraph ${i + 1}: the council said the station would reopen in spring after repairs to the roof.`,
    );
    const translations = await Promise.all(paragraphs.map((p) => queue.translate(p)));
    expect(translations).toHaveLength(120);
    translations.forEach((translation, i) => {
      expect(translation).toContain(`${i + 1}`);
      expect(translation).toMatch(/techo/i);
    });
    // Packed: far fewer requests than paragraphs.
    expect(queue.stats.requests).toBeLessThan(10);
  });
});
