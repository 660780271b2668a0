/**
 * A finding's message as the reviewer reads it: the check's own parameters pick the wording (the
 * closing-mark check says "has none" rather than quoting an empty mark).
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadNamespaces } from '../../lib/i18n';
import { checkEndPunctuation } from './punctuation';

const pair = (source: string, target: string) => ({
  source,
  target,
  sourceLanguage: 'en',
  targetLanguage: 'es',
  glossary: null,
});

const message = (language: 'ko' | 'en', source: string, target: string) => {
  const found = checkEndPunctuation(pair(source, target));
  if (!found) throw new Error('no finding');
  return i18next.t(`review:qa.${found.check}`, { ...found.params, lng: language });
};

describe('end-punctuation messages', () => {
  beforeAll(async () => {
    await initI18n('ko');
    await loadNamespaces('review');
    await i18next.loadLanguages('en');
  });

  it('quotes both marks when they differ', () => {
    expect(message('en', 'Are you sure?', 'Estás seguro.')).toBe(
      'The closing punctuation differs from the source (source “?”, translation “.”).',
    );
  });

  it('says the translation has none rather than quoting an empty mark', () => {
    expect(message('en', 'Hello.', 'Hola')).toBe(
      'The translation has no closing punctuation; the source ends in “.”.',
    );
    expect(message('ko', 'Hello.', 'Hola')).toBe(
      '번역문에 문장 끝 문장부호가 없습니다 (원문 “.”).',
    );
  });

  it('says the translation added one the source does not have', () => {
    expect(message('en', 'Title', 'Título.')).toBe(
      'The translation ends in “.”, which the source does not have.',
    );
  });
});
