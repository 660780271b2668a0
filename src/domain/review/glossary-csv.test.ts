import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from './types';
import { findTerms, glossaryToCsv, parseGlossaryCsv } from './glossary-csv';

describe('parseGlossaryCsv', () => {
  it('reads plain rows without a header', () => {
    expect(parseGlossaryCsv('cat,gato\ndog,perro,a pet\n')).toEqual({
      terms: [
        { source: 'cat', target: 'gato' },
        { source: 'dog', target: 'perro', note: 'a pet' },
      ],
      doNotTranslate: [],
      errors: [],
    });
  });

  it('detects and skips a header row', () => {
    const files = [
      'source,target,note\ncat,gato\n',
      'Term,Translation,Notes\ncat,gato\n',
      'SRC,TGT\ncat,gato\n',
      '"Source term";Target\ncat;gato\n',
      'source_text\ttarget text\ncat\tgato\n',
    ];
    for (const file of files) {
      const result = parseGlossaryCsv(file);
      expect(result.terms).toEqual([{ source: 'cat', target: 'gato' }]);
      expect(result.errors).toEqual([]);
    }
  });

  it('reads a one-column list under a "term" header as do-not-translate terms', () => {
    expect(parseGlossaryCsv('Term\nFirefox\nThunderbird\n')).toEqual({
      terms: [],
      doNotTranslate: ['Firefox', 'Thunderbird'],
      errors: [],
    });
  });

  it('follows the column order a header gives', () => {
    const result = parseGlossaryCsv('Translation;Comment;Term\ngato;animal;cat\n');
    expect(result.terms).toEqual([{ source: 'cat', target: 'gato', note: 'animal' }]);
  });

  it('does not take a first term row for a header', () => {
    const result = parseGlossaryCsv('source code,código fuente\n');
    expect(result.terms).toEqual([{ source: 'source code', target: 'código fuente' }]);
  });

  it('handles quoted fields with delimiters, doubled quotes and line breaks', () => {
    const csv = '"Hello, world","Hola, mundo"\n"say ""hi""","di ""hola""","line one\nline two"\n';
    expect(parseGlossaryCsv(csv).terms).toEqual([
      { source: 'Hello, world', target: 'Hola, mundo' },
      { source: 'say "hi"', target: 'di "hola"', note: 'line one\nline two' },
    ]);
  });

  it('accepts CRLF, lone CR and a BOM, and normalises line breaks inside values', () => {
    const csv = '\uFEFFsource,target,note\r\ncat,gato,"a\r\nb"\r\ndog,perro\rbird,pájaro';
    expect(parseGlossaryCsv(csv).terms).toEqual([
      { source: 'cat', target: 'gato', note: 'a\nb' },
      { source: 'dog', target: 'perro' },
      { source: 'bird', target: 'pájaro' },
    ]);
  });

  it('detects semicolon and tab delimiters from the first line', () => {
    expect(parseGlossaryCsv('cat;gato, el felino\ndog;perro\n').terms).toEqual([
      { source: 'cat', target: 'gato, el felino' },
      { source: 'dog', target: 'perro' },
    ]);
    expect(parseGlossaryCsv('source\ttarget\nsmall, big\tpequeño; grande\n').terms).toEqual([
      { source: 'small, big', target: 'pequeño; grande' },
    ]);
    // A quoted semicolon in the first line is not a delimiter.
    expect(parseGlossaryCsv('"a;b",c\n').terms).toEqual([{ source: 'a;b', target: 'c' }]);
  });

  it('trims values, including spaces around quoted fields', () => {
    expect(parseGlossaryCsv('  cat ,  "gato"  , note \n').terms).toEqual([
      { source: 'cat', target: 'gato', note: 'note' },
    ]);
  });

  it('treats rows with an empty target or the source as target as do-not-translate', () => {
    const result = parseGlossaryCsv('Firefox\nMozilla,,\nLinux,Linux,an OS\ncat,gato\n');
    expect(result.doNotTranslate).toEqual(['Firefox', 'Mozilla', 'Linux']);
    expect(result.terms).toEqual([{ source: 'cat', target: 'gato' }]);
  });

  it('honours a do-not-translate flag column', () => {
    const csv = 'term,translation,note,dnt\nAcme,Acmé,,yes\ncat,gato,,no\nWidget,Gadget,,TRUE\n';
    const result = parseGlossaryCsv(csv);
    expect(result.doNotTranslate).toEqual(['Acme', 'Widget']);
    expect(result.terms).toEqual([{ source: 'cat', target: 'gato' }]);
    expect(parseGlossaryCsv('Source,Target,Do-Not-Translate\nAcme,X,x\n').doNotTranslate).toEqual([
      'Acme',
    ]);
    // Without a header the fourth column is the flag.
    expect(parseGlossaryCsv('Acme,Acmé,,dnt\n').doNotTranslate).toEqual(['Acme']);
  });

  it('removes exact duplicates and keeps different translations of one term', () => {
    const result = parseGlossaryCsv('cat,gato,first\ncat,gato,second\ncat,minino\nX\nX,X\n');
    expect(result.terms).toEqual([
      { source: 'cat', target: 'gato', note: 'first' },
      { source: 'cat', target: 'minino' },
    ]);
    expect(result.doNotTranslate).toEqual(['X']);
  });

  it('skips blank rows and reports bad rows with their line numbers', () => {
    const csv = 'source,target\n\ncat,gato\n,perro\n"multi\nline",x\na,b,c,d,e\n , \nok,bien\n';
    const result = parseGlossaryCsv(csv);
    expect(result.terms).toEqual([
      { source: 'cat', target: 'gato' },
      { source: 'multi\nline', target: 'x' },
      { source: 'ok', target: 'bien' },
    ]);
    expect(result.errors).toEqual([
      { line: 4, reason: 'empty' },
      { line: 7, reason: 'columns' },
    ]);
  });

  it('reports values beyond the columns a header names', () => {
    const result = parseGlossaryCsv('source,target\ncat,gato,extra\ndog,perro,\n');
    expect(result.errors).toEqual([{ line: 2, reason: 'columns' }]);
    expect(result.terms).toEqual([{ source: 'dog', target: 'perro' }]);
  });

  it('survives an unterminated quote and stray text after a closing quote', () => {
    expect(parseGlossaryCsv('"cat"s,gatos\n').terms).toEqual([{ source: 'cats', target: 'gatos' }]);
    expect(parseGlossaryCsv('cat,"gato\n').terms).toEqual([{ source: 'cat', target: 'gato' }]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseGlossaryCsv('')).toEqual({ terms: [], doNotTranslate: [], errors: [] });
    expect(parseGlossaryCsv('\uFEFF\r\n\r\n')).toEqual({
      terms: [],
      doNotTranslate: [],
      errors: [],
    });
  });
});

describe('glossaryToCsv', () => {
  it('writes a header, CRLF rows and quotes only where needed', () => {
    const csv = glossaryToCsv(
      [
        { source: 'cat', target: 'gato' },
        { source: 'Hello, "world"', target: 'Hola', note: 'two\nlines' },
      ],
      ['Firefox'],
    );
    expect(csv).toBe(
      'source,target,note\r\ncat,gato,\r\n"Hello, ""world""",Hola,"two\nlines"\r\nFirefox,Firefox,\r\n',
    );
  });

  it('round-trips a glossary through CSV unchanged', () => {
    const terms: GlossaryTerm[] = [
      { source: 'cat', target: 'gato' },
      { source: 'source', target: 'fuente', note: 'as in "source code"' },
      { source: 'Hello, world', target: 'Hola; mundo', note: 'multi\nline\nnote' },
      { source: 'term', target: 'término' },
      { source: '東京', target: 'Tokio' },
      { source: 'tab\there', target: 'tabulación' },
      { source: 'cat', target: 'minino' },
    ];
    const doNotTranslate = ['Firefox', 'C++', 'Node.js, Inc.', '"Quoted"'];
    expect(parseGlossaryCsv(glossaryToCsv(terms, doNotTranslate))).toEqual({
      terms,
      doNotTranslate,
      errors: [],
    });
  });

  it('round-trips an empty glossary', () => {
    expect(parseGlossaryCsv(glossaryToCsv([], []))).toEqual({
      terms: [],
      doNotTranslate: [],
      errors: [],
    });
  });

  it('brings a term translated as itself back as do-not-translate', () => {
    const parsed = parseGlossaryCsv(glossaryToCsv([{ source: 'Linux', target: 'Linux' }], []));
    expect(parsed.terms).toEqual([]);
    expect(parsed.doNotTranslate).toEqual(['Linux']);
  });
});

describe('findTerms', () => {
  it('finds whole words regardless of case', () => {
    expect(findTerms('The Cat sat near the CATS and a cat.', ['cat'], 'en')).toEqual([
      { term: 'cat', start: 4, end: 7 },
      { term: 'cat', start: 32, end: 35 },
    ]);
  });

  it('does not match inside longer words', () => {
    expect(findTerms('category concat cat-like', ['cat'], 'en')).toEqual([
      { term: 'cat', start: 16, end: 19 },
    ]);
  });

  it('prefers the longest term where matches overlap', () => {
    const text = 'Visit New York City and York.';
    expect(findTerms(text, ['York', 'New York', 'York City Hall', 'New York City'], 'en')).toEqual([
      { term: 'New York City', start: 6, end: 19 },
      { term: 'York', start: 24, end: 28 },
    ]);
  });

  it('lets a longer later match win over a shorter earlier overlapping one', () => {
    expect(
      findTerms('open source code', ['open source', 'source code base', 'source code'], 'en'),
    ).toEqual([{ term: 'open source', start: 0, end: 11 }]);
    expect(findTerms('an open source code', ['open', 'source code'], 'en')).toEqual([
      { term: 'open', start: 3, end: 7 },
      { term: 'source code', start: 8, end: 19 },
    ]);
  });

  it('matches terms with punctuation and regex characters literally', () => {
    expect(
      findTerms('Use C++ and Node.js (v20) or Node-js.', ['C++', 'node.js', '(v20)'], 'en'),
    ).toEqual([
      { term: 'C++', start: 4, end: 7 },
      { term: 'node.js', start: 12, end: 19 },
      { term: '(v20)', start: 20, end: 25 },
    ]);
    expect(findTerms('a.b axb', ['a.b'], 'en')).toEqual([{ term: 'a.b', start: 0, end: 3 }]);
  });

  it('works for Cyrillic with case differences', () => {
    expect(findTerms('МОСКВА и Москва, но не Москвабад.', ['москва'], 'ru')).toEqual([
      { term: 'москва', start: 0, end: 6 },
      { term: 'москва', start: 9, end: 15 },
    ]);
  });

  it('matches substrings in CJK', () => {
    expect(findTerms('東京都庁は東京駅の近くです。', ['東京', '東京駅'], 'ja')).toEqual([
      { term: '東京', start: 0, end: 2 },
      { term: '東京駅', start: 5, end: 8 },
    ]);
    expect(findTerms('北京大学在北京。', ['北京'], 'zh-Hans')).toEqual([
      { term: '北京', start: 0, end: 2 },
      { term: '北京', start: 5, end: 7 },
    ]);
    expect(findTerms('서울시청과 서울역', ['서울'], 'ko')).toEqual([
      { term: '서울', start: 0, end: 2 },
      { term: '서울', start: 6, end: 8 },
    ]);
  });

  it('finds a match after a rejected one that overlaps it', () => {
    expect(findTerms('aa a', ['a'], 'en')).toEqual([{ term: 'a', start: 3, end: 4 }]);
    expect(findTerms('xab ab', ['ab'], 'en')).toEqual([{ term: 'ab', start: 4, end: 6 }]);
  });

  it('ignores empty terms and case-duplicates, trimming the terms', () => {
    expect(findTerms('Go home', ['', '  ', ' home ', 'HOME'], 'en')).toEqual([
      { term: 'home', start: 3, end: 7 },
    ]);
    expect(findTerms('', ['x'], 'en')).toEqual([]);
    expect(findTerms('text', [], 'en')).toEqual([]);
  });

  it('finds words in a language written without spaces', () => {
    // Thai has no spaces; the segmenter's dictionary supplies the word boundaries.
    const text = 'ฉันชอบกินข้าว';
    const matches = findTerms(text, ['กิน'], 'th');
    expect(matches).toEqual([{ term: 'กิน', start: 6, end: 9 }]);
  });
});
