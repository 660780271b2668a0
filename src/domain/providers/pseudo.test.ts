import { describe, expect, it } from 'vitest';
import { createPseudoProvider, PSEUDO_TARGET, pseudoLocalize } from './pseudo';

describe('pseudo-localization', () => {
  it('accents Latin letters and wraps the text in brackets with padding', () => {
    expect(pseudoLocalize('The city')).toBe('[Ŧĥé çïţý ···]');
    expect(pseudoLocalize('abcdefghijklmnopqrstuvwxyz')).toMatch(/^\[[^a-z]+ [·\s]+\]$/);
    expect(pseudoLocalize('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toMatch(/^\[[^A-Z]+ [·\s]+\]$/);
  });

  it('is deterministic', () => {
    const text = 'Parliament voted 312 to 104 on Tuesday.';
    expect(pseudoLocalize(text)).toBe(pseudoLocalize(text));
  });

  it('grows text by roughly a third', () => {
    const text =
      'The committee published its findings on Monday, recommending that the city expand its ' +
      'network of protected cycle lanes and lower the speed limit on residential streets.';
    const ratio = pseudoLocalize(text).length / text.length;
    expect(ratio).toBeGreaterThanOrEqual(1.3);
    expect(ratio).toBeLessThanOrEqual(1.45);
  });

  it('keeps digits, URLs, e-mail addresses and placeholders intact', () => {
    const out = pseudoLocalize(
      'Call 555-0100 or see https://example.com/path?q=1 and write to news@example.org, {name}.',
    );
    expect(out).toContain('555-0100');
    expect(out).toContain('https://example.com/path?q=1');
    expect(out).toContain('news@example.org');
    expect(out).toContain('{name}');
    expect(out).toContain('Çåļļ');
  });

  it('keeps whitespace structure, with leading and trailing space outside the brackets', () => {
    const out = pseudoLocalize('  line one\n\tline two  ');
    expect(out.startsWith('  [')).toBe(true);
    expect(out.endsWith(']  ')).toBe(true);
    expect(out).toContain('ļïñé öñé\n\tļïñé ţŵö');
    expect(pseudoLocalize('   ')).toBe('   ');
  });
});

describe('pseudo provider', () => {
  it('translates every text to en-XA without changing their number or order', async () => {
    const provider = createPseudoProvider();
    await expect(provider.translate(['One', 'Two'], 'en', PSEUDO_TARGET)).resolves.toEqual([
      pseudoLocalize('One'),
      pseudoLocalize('Two'),
    ]);
  });

  it('refuses other targets and cancelled requests', async () => {
    const provider = createPseudoProvider();
    await expect(provider.translate(['One'], 'en', 'es')).rejects.toMatchObject({
      kind: 'unsupported-pair',
    });
    const controller = new AbortController();
    controller.abort();
    await expect(
      provider.translate(['One'], 'en', PSEUDO_TARGET, { signal: controller.signal }),
    ).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('offers every listed language → en-XA', async () => {
    const pairs = await createPseudoProvider().listPairs();
    expect(pairs.length).toBeGreaterThan(20);
    expect(pairs.every((pair) => pair.to === PSEUDO_TARGET)).toBe(true);
    expect(pairs).toContainEqual({ from: 'en', to: PSEUDO_TARGET });
    expect(pairs).toContainEqual({ from: 'ko', to: PSEUDO_TARGET });
  });
});
