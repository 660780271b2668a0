/**
 * Pseudo-localization, for checking layouts: not a translation engine, never a default, and
 * labelled as a testing tool in the settings.
 *
 * Every text becomes `[Ŧĥé çïţý ·······]`: Latin letters get accents (so text that skipped the
 * pipeline stands out), the text grows by about a third (German and Finnish translations run
 * 30–40% longer than English), and brackets mark both ends (so truncation shows). Digits, URLs,
 * e-mail addresses, `{placeholders}` and whitespace stay as they are. It is deterministic and
 * makes no network requests. The target is the accented pseudo-locale `en-XA`.
 */
import {
  ProviderError,
  type LanguagePair,
  type TranslateOptions,
  type TranslationProvider,
} from './types';

export const PSEUDO_TARGET = 'en-XA';

/** Bumped whenever the transform changes, so cached pseudo text is not reused. */
const PSEUDO_VERSION = 1;

/** Source languages offered; the transform ignores the source, so any language works. */
export const PSEUDO_SOURCES: readonly string[] = (
  'ar bg bn ca cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv ms nb nl pl pt ro ru sk ' +
  'sl sr sv sw th tr uk ur vi zh'
).split(' ');

// Each Latin letter and its accented stand-in, one code point each so lengths stay comparable.
const ACCENTS: ReadonlyMap<string, string> = new Map(
  (
    'aå bƀ cç dð eé fƒ gĝ hĥ iï jĵ kķ lļ mɱ nñ oö pþ qǫ rŕ sš tţ uû vṽ wŵ xẋ yý zž ' +
    'AÅ BƁ CÇ DÐ EÉ FƑ GĜ HĤ IÏ JĴ KĶ LĻ MṀ NÑ OÖ PÞ QǪ RŔ SŠ TŦ UÛ VṼ WŴ XẊ YÝ ZŽ'
  )
    .split(' ')
    .map((pair): [string, string] => [pair.charAt(0), pair.slice(1)]),
);

/** Spans kept verbatim (URLs, e-mail addresses, placeholders), else single Latin letters. */
const TOKENS =
  /(https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{\{[^{}]*\}\}|\{[^{}]*\}|%[sd])|([A-Za-z])/g;

/** Extra length, as a share of the text, that the padding adds. */
const EXPANSION = 0.35;

export function pseudoLocalize(text: string): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (core === '') return text;
  const accented = core.replace(
    TOKENS,
    (_whole, kept: string | undefined, letter: string) => kept ?? ACCENTS.get(letter) ?? letter,
  );
  const extra = Math.max(1, Math.round(core.length * EXPANSION));
  // A space every eighth character lets the padding wrap like words instead of one long run.
  const padding = Array.from({ length: extra }, (_, index) => (index % 8 === 7 ? ' ' : '·'))
    .join('')
    .trimEnd();
  return `${lead}[${accented} ${padding}]${trail}`;
}

export function createPseudoProvider(): TranslationProvider {
  function listPairs(): Promise<LanguagePair[]> {
    return Promise.resolve(PSEUDO_SOURCES.map((from) => ({ from, to: PSEUDO_TARGET })));
  }

  function translate(
    texts: readonly string[],
    _from: string,
    to: string,
    options: TranslateOptions = {},
  ): Promise<string[]> {
    if (options.signal?.aborted) {
      return Promise.reject(new ProviderError('aborted', 'The request was cancelled.'));
    }
    if (to.toLowerCase() !== PSEUDO_TARGET.toLowerCase()) {
      return Promise.reject(
        new ProviderError(
          'unsupported-pair',
          `Pseudo-localization only produces ${PSEUDO_TARGET}.`,
        ),
      );
    }
    return Promise.resolve(texts.map(pseudoLocalize));
  }

  return {
    id: 'pseudo',
    // Nothing leaves the page and the transform is instant.
    limits: { maxTextsPerRequest: 200, maxCharsPerRequest: 50_000, maxConcurrency: 4 },
    cacheIdentity: `pseudo:v${PSEUDO_VERSION}`,
    listPairs,
    translate,
  };
}
