import { describe, expect, it } from 'vitest';
import type { QaInput } from './checks';
import {
  checkBrackets,
  checkEndPunctuation,
  checkQuotes,
  quotesBalanced,
  sentenceEnding,
} from './punctuation';

function pair(
  source: string,
  target: string,
  targetLanguage = 'es',
  sourceLanguage = 'en',
): QaInput {
  return { source, target, sourceLanguage, targetLanguage };
}

describe('sentenceEnding', () => {
  it('reads the punctuation before closing quotes, brackets and spaces', () => {
    expect(sentenceEnding('He said “Go.” ', 'en').raw).toBe('.');
    expect(sentenceEnding('Il a dit « Va ».', 'fr').raw).toBe('.');
    expect(sentenceEnding('(Done!)', 'en').raw).toBe('!');
    expect(sentenceEnding('「行け。」', 'ja').raw).toBe('。');
    expect(sentenceEnding('No ending', 'en').raw).toBe('');
  });

  it('reads three full stops as an ellipsis', () => {
    expect([...sentenceEnding('Wait...', 'en').kinds]).toEqual(['…']);
    expect([...sentenceEnding('等等。。。', 'zh').kinds]).toEqual(['…']);
  });
});

describe('checkEndPunctuation', () => {
  it.each([
    ['same mark', pair('Hello.', 'Hola.')],
    ['no mark on either side', pair('Title', 'Título')],
    ['Spanish question', pair('Are you sure?', '¿Estás seguro?')],
    ['Spanish exclamation', pair('Great!', '¡Genial!')],
    ['ideographic full stop', pair('It is done.', '完了しました。', 'ja')],
    ['Chinese question mark', pair('Are you sure?', '你确定吗？', 'zh')],
    ['full-width exclamation', pair('Great!', '太好了！', 'zh')],
    ['full-width colon', pair('Note:', '注意：', 'zh')],
    ['Korean full stop', pair('It is done.', '완료되었습니다.', 'ko')],
    ['CJK source, Latin target', pair('完了しました。', 'It is done.', 'en', 'ja')],
    ['ellipsis spelled two ways', pair('Wait...', 'Espera…')],
    ['closing quotes in either order', pair('He said “Go.”', 'Il a dit « Va ».', 'fr')],
    ['French space before the mark', pair('Really?', 'Vraiment ?', 'fr')],
    ['mixed ?! against one of them', pair('What?!', '¿Qué?')],
    ['Greek question mark', pair('Why?', 'Γιατί;', 'el')],
    ['Hindi danda', pair('It is done.', 'यह हो गया।', 'hi')],
    ['Arabic question mark', pair('Why?', 'لماذا؟', 'ar')],
    ['Thai without full stop', pair('It is done.', 'เสร็จแล้ว', 'th')],
  ])('passes: %s', (_name, input) => {
    expect(checkEndPunctuation(input)).toBeNull();
  });

  it('flags a missing full stop', () => {
    expect(checkEndPunctuation(pair('Hello.', 'Hola'))).toEqual({
      check: 'end-punctuation',
      severity: 'warning',
      params: { source: '.', target: '', context: 'targetNone' },
    });
  });

  it('flags a mark the source does not have', () => {
    expect(checkEndPunctuation(pair('Title', 'Título.'))?.params).toEqual({
      source: '',
      target: '.',
      context: 'sourceNone',
    });
  });

  it('flags a different mark, CJK included', () => {
    expect(checkEndPunctuation(pair('Are you sure?', 'Estás seguro.'))?.params).toEqual({
      source: '?',
      target: '.',
    });
    expect(checkEndPunctuation(pair('Are you sure?', '确定。', 'zh'))?.params).toEqual({
      source: '?',
      target: '。',
    });
    expect(checkEndPunctuation(pair('Done.', '完了', 'ja'))?.params).toEqual({
      source: '.',
      target: '',
      context: 'targetNone',
    });
    expect(checkEndPunctuation(pair('Note:', 'Nota.'))).not.toBeNull();
  });

  it('keeps the Greek reading of ; to Greek', () => {
    expect(checkEndPunctuation(pair('Why?', 'Por qué;', 'es'))).not.toBeNull();
  });
});

describe('checkBrackets', () => {
  it('passes matching brackets, full-width forms included', () => {
    expect(
      checkBrackets(pair('Save (Ctrl+S) [beta] {x}', 'Guardar (Ctrl+S) [beta] {x}')),
    ).toBeNull();
    expect(checkBrackets(pair('Save (Ctrl+S)', '保存（Ctrl+S）', 'zh'))).toBeNull();
    expect(checkBrackets(pair('[Note] text', '【注意】本文', 'zh'))).toBeNull();
  });

  it('passes a target that mirrors an unbalanced source', () => {
    expect(checkBrackets(pair('a) first', 'a) primero'))).toBeNull();
  });

  it('flags unbalanced brackets in the target', () => {
    expect(checkBrackets(pair('Save (Ctrl+S)', 'Guardar (Ctrl+S'))).toEqual({
      check: 'brackets',
      severity: 'warning',
    });
    expect(checkBrackets(pair('Save [now]', 'Guardar ]ahora['))).not.toBeNull();
  });

  it('flags brackets the source does not have', () => {
    expect(checkBrackets(pair('Save now', 'Guardar (ahora)'))).not.toBeNull();
  });
});

describe('quotesBalanced', () => {
  it.each([
    ['en', '“Hello,” she said.'],
    ['en', 'She said "hello".'],
    ['de', '„Hallo“, sagte sie.'],
    ['pl', '„Cześć” powiedziała.'],
    ['sv', '”Hej” sa hon.'],
    ['fr', '« Bonjour », dit-elle.'],
    ['de', '»Hallo«, sagte sie.'],
    ['ja', '「こんにちは」と『本』'],
    ['en', "Don't touch the students' books."],
    ['fr', "Buvez de l'eau."],
    ['en', 'No quotes at all'],
  ])('balanced in %s: %s', (language, text) => {
    expect(quotesBalanced(text, language)).toBe(true);
  });

  it.each([
    ['en', 'She said "hello.'],
    ['en', '“Hello, she said.'],
    ['en', '”Hello” she said.'],
    ['de', '„Hallo, sagte sie.'],
    ['fr', '« Bonjour, dit-elle.'],
    ['ja', '「こんにちは'],
    ['zh', '『书'],
  ])('unbalanced in %s: %s', (language, text) => {
    expect(quotesBalanced(text, language)).toBe(false);
  });
});

describe('checkQuotes', () => {
  it('passes balanced quotes and apostrophes', () => {
    expect(checkQuotes(pair('He said "yes".', 'Dijo «sí».'))).toBeNull();
    expect(checkQuotes(pair("Don't go.", "N'y va pas.", 'fr'))).toBeNull();
  });

  it('flags an unclosed quote in the target', () => {
    expect(checkQuotes(pair('He said "yes".', 'Dijo «sí.'))).toEqual({
      check: 'quotes',
      severity: 'warning',
    });
    expect(checkQuotes(pair('He said “yes”.', '他说“是。', 'zh'))).not.toBeNull();
  });

  it('passes when the source is split inside a quotation too', () => {
    expect(checkQuotes(pair('“It was late.', '«Era tarde.'))).toBeNull();
  });
});
