import { describe, expect, it } from 'vitest';
import type { Glossary } from '../review/types';
import type { QaInput } from './checks';
import { checkDoNotTranslate, checkGlossary, containsTerm } from './terms';

const loose = { caseSensitive: false, inflection: false };
const inflected = { caseSensitive: false, inflection: true, stemming: true };
const exactCase = { caseSensitive: true, inflection: false };

function glossary(terms: [string, string][], doNotTranslate: string[] = []): Glossary {
  return {
    sourceLanguage: 'en',
    targetLanguage: 'es',
    terms: terms.map(([source, target]) => ({ source, target })),
    doNotTranslate,
  };
}

function pair(source: string, target: string, g: Glossary | null, targetLanguage = 'es'): QaInput {
  return { source, target, sourceLanguage: 'en', targetLanguage, glossary: g };
}

describe('containsTerm', () => {
  it('matches whole words only, ignoring case when asked', () => {
    expect(containsTerm('Open the File menu', 'file', loose)).toBe(true);
    expect(containsTerm('Edit your profile', 'file', loose)).toBe(false);
    expect(containsTerm('Open files', 'file', loose)).toBe(false);
    expect(containsTerm('Open the File menu', 'file', exactCase)).toBe(false);
  });

  it('matches multi-word terms across any whitespace', () => {
    expect(containsTerm('the file\nmanager opens', 'File Manager', loose)).toBe(true);
  });

  it('accepts inflectional endings when asked', () => {
    expect(containsTerm('Abra los archivos', 'archivo', inflected)).toBe(true);
    expect(containsTerm('Öffnen Sie die Dateien', 'Datei', inflected)).toBe(true);
    expect(containsTerm('две книги', 'книга', inflected)).toBe(true);
    expect(containsTerm('Abra los archivos', 'archivo', loose)).toBe(false);
    expect(containsTerm('две книги', 'книга', { caseSensitive: false, inflection: true })).toBe(
      false,
    );
  });

  it('does not stretch an ending into another word', () => {
    expect(
      containsTerm('Learn JavaScript', 'Java', { caseSensitive: true, inflection: true }),
    ).toBe(false);
    expect(containsTerm('casual', 'casa', inflected)).toBe(false);
  });

  it('finds terms inside unspaced scripts', () => {
    expect(containsTerm('新用户登录', '用户', loose)).toBe(true);
    expect(containsTerm('新規ユーザー登録', 'ユーザー', loose)).toBe(true);
  });

  it('lets Korean particles follow a term but not precede it', () => {
    expect(containsTerm('사용자가 로그인했습니다', '사용자', loose)).toBe(true);
    expect(containsTerm('비사용자 모드', '사용자', loose)).toBe(false);
  });

  it('treats a change of script as a word boundary', () => {
    expect(containsTerm('Googleで検索', 'Google', exactCase)).toBe(true);
    expect(containsTerm('使用API接口', 'API', exactCase)).toBe(true);
  });

  it('matches whole words in Arabic, Cyrillic and Devanagari', () => {
    expect(containsTerm('افتح الملف الآن', 'الملف', loose)).toBe(true);
    expect(containsTerm('Открыть файл', 'ФАЙЛ', loose)).toBe(true);
    expect(containsTerm('फ़ाइल खोलें', 'फ़ाइल', loose)).toBe(true);
    expect(containsTerm('फ़ाइलें खोलें', 'फ़ाइल', loose)).toBe(false);
  });

  it('never matches an empty term', () => {
    expect(containsTerm('anything', '  ', loose)).toBe(false);
  });
});

describe('checkGlossary', () => {
  const g = glossary([
    ['file', 'archivo'],
    ['folder', 'carpeta'],
  ]);

  it('passes when the target uses the glossary term', () => {
    expect(checkGlossary(pair('Open the file.', 'Abra el archivo.', g))).toBeNull();
    expect(checkGlossary(pair('Open the File.', 'Abra los Archivos.', g))).toBeNull();
  });

  it('passes when the source does not use the term', () => {
    expect(checkGlossary(pair('Edit your profile.', 'Edite su perfil.', g))).toBeNull();
  });

  it('passes without a glossary', () => {
    expect(checkGlossary(pair('Open the file.', 'Abra el fichero.', null))).toBeNull();
    expect(
      checkGlossary({ source: 'a', target: 'b', sourceLanguage: 'en', targetLanguage: 'es' }),
    ).toBeNull();
  });

  it('flags every missing term', () => {
    expect(
      checkGlossary(pair('Move the file to the folder.', 'Mueva el fichero al directorio.', g)),
    ).toEqual({
      check: 'glossary',
      severity: 'warning',
      params: { terms: 'file → archivo, folder → carpeta' },
    });
  });

  it('accepts any of several targets for one source term', () => {
    const alternatives = glossary([
      ['file', 'archivo'],
      ['File', 'fichero'],
    ]);
    expect(checkGlossary(pair('Open the file.', 'Abra el fichero.', alternatives))).toBeNull();
    expect(
      checkGlossary(pair('Open the file.', 'Abra el documento.', alternatives))?.params,
    ).toEqual({
      terms: 'file → archivo / fichero',
    });
  });

  it('skips blank entries', () => {
    expect(
      checkGlossary(
        pair(
          'Open the file.',
          'Abra el documento.',
          glossary([
            [' ', 'x'],
            ['file', ''],
          ]),
        ),
      ),
    ).toBeNull();
  });

  it('works for CJK targets', () => {
    const ja = glossary([['user', 'ユーザー']]);
    expect(checkGlossary(pair('Add a user.', '新規ユーザーを追加します。', ja, 'ja'))).toBeNull();
    expect(checkGlossary(pair('Add a user.', '利用者を追加します。', ja, 'ja'))).not.toBeNull();
  });
});

describe('checkDoNotTranslate', () => {
  const g = glossary([], ['iPhone', 'Interlinear']);

  it('passes when the term is kept verbatim', () => {
    expect(
      checkDoNotTranslate(
        pair('Open Interlinear on your iPhone.', 'Abra Interlinear en su iPhone.', g),
      ),
    ).toBeNull();
  });

  it('passes when the source does not use the term', () => {
    expect(checkDoNotTranslate(pair('Open the app.', 'Abra la aplicación.', g))).toBeNull();
    expect(checkDoNotTranslate(pair('Open the iphone app.', 'Abra la app.', g))).toBeNull();
  });

  it('accepts endings after the term', () => {
    expect(checkDoNotTranslate(pair('Your iPhone', 'iPhonen asetukset', g, 'fi'))).toBeNull();
    expect(checkDoNotTranslate(pair('On iPhone', 'iPhone에서', g, 'ko'))).toBeNull();
  });

  it('flags a term changed in case or translated', () => {
    expect(
      checkDoNotTranslate(
        pair('Open Interlinear on your iPhone.', 'Abra Interlineal en su iphone.', g),
      ),
    ).toEqual({
      check: 'do-not-translate',
      severity: 'error',
      params: { terms: 'iPhone, Interlinear' },
    });
  });

  it('passes without a glossary', () => {
    expect(checkDoNotTranslate(pair('iPhone', 'teléfono', null))).toBeNull();
  });
});
