import { describe, expect, it } from 'vitest';
import { BUILT_IN_CONFIG, parseRuntimeConfig, parseRuntimeConfigText } from './runtime-config';

describe('runtime config', () => {
  it('reads the documented shape', () => {
    const { config, problems } = parseRuntimeConfigText(
      JSON.stringify({
        defaultProvider: 'apertium',
        providers: { apertium: { endpoint: 'http://apy.example:2737' } },
        defaultTargetLanguage: 'es',
      }),
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      defaultProvider: 'apertium',
      providers: { apertium: { endpoint: 'http://apy.example:2737' } },
      defaultTargetLanguage: 'es',
    });
  });

  it('falls back to built-in defaults when the file is missing, not JSON or not an object', () => {
    expect(parseRuntimeConfigText(null)).toEqual({
      config: BUILT_IN_CONFIG,
      problems: [{ kind: 'missing', path: '' }],
    });
    expect(parseRuntimeConfigText('{ nope')).toEqual({
      config: BUILT_IN_CONFIG,
      problems: [{ kind: 'not-json', path: '' }],
    });
    expect(parseRuntimeConfig([1, 2])).toEqual({
      config: BUILT_IN_CONFIG,
      problems: [{ kind: 'not-object', path: '' }],
    });
  });

  it('drops each bad field, keeps the good ones, and names what it dropped', () => {
    const { config, problems } = parseRuntimeConfig({
      defaultProvider: 'babelfish',
      defaultTargetLanguage: 'not a language!',
      providers: {
        apertium: { endpoint: 'javascript:alert(1)', colour: 'red' },
        babelfish: { endpoint: 'http://x' },
      },
      extra: true,
    });
    expect(config).toEqual({ ...BUILT_IN_CONFIG, providers: { apertium: {} } });
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: 'unknown-key', path: 'extra' },
        { kind: 'unknown-provider', path: 'defaultProvider' },
        { kind: 'invalid-language', path: 'defaultTargetLanguage' },
        { kind: 'invalid-url', path: 'providers.apertium.endpoint' },
        { kind: 'unknown-key', path: 'providers.apertium.colour' },
        { kind: 'unknown-provider', path: 'providers.babelfish' },
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('canonicalizes the target language and accepts null', () => {
    expect(
      parseRuntimeConfig({ defaultTargetLanguage: 'EN-us' }).config.defaultTargetLanguage,
    ).toBe('en-US');
    expect(parseRuntimeConfig({ defaultTargetLanguage: null }).problems).toEqual([]);
  });

  it('rejects settings of the wrong type', () => {
    const { problems } = parseRuntimeConfig({ providers: { apertium: { endpoint: 42 } } });
    expect(problems).toEqual([{ kind: 'wrong-type', path: 'providers.apertium.endpoint' }]);
  });
});
