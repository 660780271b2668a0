import { describe, expect, it } from 'vitest';
import type { Glossary } from '../review/types';
import {
  QA_CHECKS,
  QA_CHECK_IDS,
  QA_CHECK_SEVERITY,
  checkEmpty,
  runQaChecks,
  type QaInput,
} from './checks';

function pair(source: string, target: string, targetLanguage = 'es'): QaInput {
  return { source, target, sourceLanguage: 'en', targetLanguage };
}

describe('QA_CHECK_IDS', () => {
  it('lists every check once, each with a severity and a function', () => {
    expect(new Set(QA_CHECK_IDS).size).toBe(QA_CHECK_IDS.length);
    expect([...QA_CHECK_IDS].sort()).toEqual(Object.keys(QA_CHECK_SEVERITY).sort());
    expect([...QA_CHECK_IDS].sort()).toEqual(Object.keys(QA_CHECKS).sort());
  });

  it('marks the checks that break meaning or links as errors', () => {
    const errors = QA_CHECK_IDS.filter((id) => QA_CHECK_SEVERITY[id] === 'error');
    expect(errors).toEqual(['empty', 'numbers', 'urls', 'emails', 'do-not-translate']);
  });
});

describe('checkEmpty', () => {
  it('flags an empty or blank target', () => {
    expect(checkEmpty(pair('Hello', ''))).toEqual({ check: 'empty', severity: 'error' });
    expect(checkEmpty(pair('Hello', ' \n\u00a0\u3000'))).not.toBeNull();
  });

  it('passes a target with text, or an empty source', () => {
    expect(checkEmpty(pair('Hello', 'Hola'))).toBeNull();
    expect(checkEmpty(pair('  ', ''))).toBeNull();
  });
});

describe('runQaChecks', () => {
  it('returns nothing for a good translation', () => {
    expect(
      runQaChecks(
        pair(
          'Visit https://example.com to read 1,275 articles.',
          'Visite https://example.com para leer 1.275 artículos.',
        ),
      ),
    ).toEqual([]);
  });

  it('reports only the empty target when there is nothing to check', () => {
    expect(runQaChecks(pair('See https://example.com: 5 items.', '   '))).toEqual([
      { check: 'empty', severity: 'error' },
    ]);
    expect(runQaChecks(pair('', ''))).toEqual([]);
  });

  it('lists findings in display order, one per check', () => {
    const glossary: Glossary = {
      sourceLanguage: 'en',
      targetLanguage: 'es',
      terms: [{ source: 'file', target: 'archivo' }],
      doNotTranslate: ['Interlinear'],
    };
    const findings = runQaChecks({
      ...pair(
        ' Open the file in Interlinear (version 2) at https://a.org or mail a@b.com.',
        'Abra  el el fichero en Interlineal (versión 3 en https://b.org o escriba a c@d.com',
      ),
      glossary,
    });
    const ids = findings.map((f) => f.check);
    expect(ids).toEqual([
      'numbers',
      'urls',
      'emails',
      'end-punctuation',
      'whitespace',
      'double-spaces',
      'repeated-words',
      'brackets',
      'glossary',
      'do-not-translate',
    ]);
    expect(ids).toEqual(QA_CHECK_IDS.filter((id) => ids.includes(id)));
    for (const f of findings) expect(f.severity).toBe(QA_CHECK_SEVERITY[f.check]);
  });

  it('flags an untranslated copy', () => {
    expect(
      runQaChecks(pair('Read the whole article.', 'Read the whole article.')).map((f) => f.check),
    ).toEqual(['untranslated']);
  });

  it('gives every params value as a string or a number', () => {
    const findings = runQaChecks(pair('It costs 5 dollars. ', 'Cuesta 6 dólares dólares'));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      for (const value of Object.values(f.params ?? {})) {
        expect(['string', 'number']).toContain(typeof value);
      }
    }
  });
});

/** Small seeded generator so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'Z',
  'the',
  'The',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u202f',
  '\u3000',
  '0',
  '7',
  '1,275',
  '1.275',
  '3,5',
  '-',
  '−',
  '%',
  '.',
  '...',
  '…',
  ',',
  ':',
  ';',
  '?',
  '!',
  '。',
  '？',
  '！',
  '（',
  '）',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '“',
  '”',
  '„',
  '«',
  '»',
  '「',
  '」',
  '『',
  '』',
  '@',
  'a@b.co',
  'www.',
  'https://',
  'https://x.org/(a)',
  '\\',
  '/',
  '😀',
  '👩‍👩‍👧',
  '🇪🇸',
  '\u{1F3FD}',
  '\ud83d',
  '\ude00',
  '\u200d',
  '\u200f',
  '\u202e',
  '\u0301',
  'مرحبا',
  'שלום',
  '١٢٣',
  '日本語',
  'かな',
  'カタカナ',
  '한국어',
  'Привет',
  'Γειά',
  'हिन्दी',
  'ไทย',
  '\u0000',
  '\ufeff',
  '\uffff',
  'ſ',
  'İ',
  'ß',
  '\u037e',
  '।',
];

const LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'ko',
  'ja',
  'zh',
  'ar',
  'he',
  'el',
  'th',
  'hi',
  'de-CH',
  '',
  'x',
  '!!',
  'en_US',
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 40);
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return out;
}

function randomInput(next: () => number): QaInput {
  const pick = () => LANGUAGES[Math.floor(next() * LANGUAGES.length)] ?? 'en';
  const glossary: Glossary | null =
    next() < 0.3
      ? null
      : {
          sourceLanguage: pick(),
          targetLanguage: pick(),
          terms: [
            { source: randomText(next), target: randomText(next) },
            { source: 'the', target: randomText(next) },
          ],
          doNotTranslate: [randomText(next), 'The', ''],
        };
  return {
    source: randomText(next),
    target: randomText(next),
    sourceLanguage: pick(),
    targetLanguage: pick(),
    glossary,
  };
}

describe('robustness', () => {
  it('never throws on random text, in any check, and returns well-formed findings', () => {
    const next = random(20240601);
    const failures: string[] = [];
    for (let run = 0; run < 1500; run++) {
      const input = randomInput(next);
      for (const id of QA_CHECK_IDS) {
        try {
          const result = QA_CHECKS[id](input);
          if (result && (result.check !== id || result.severity !== QA_CHECK_SEVERITY[id])) {
            failures.push(`${id} mislabelled on ${JSON.stringify(input)}`);
          }
        } catch (error) {
          failures.push(`${id} threw ${String(error)} on ${JSON.stringify(input)}`);
        }
      }
      const ids = runQaChecks(input).map((f) => f.check);
      if (ids.join() !== QA_CHECK_IDS.filter((id) => ids.includes(id)).join()) {
        failures.push(`out of order or repeated: ${ids.join()}`);
      }
    }
    expect(failures).toEqual([]);
  });

  // A regular expression that backtracks catastrophically would never return here (the test
  // runner's timeout ends it); how fast the checks are belongs in a benchmark, not in this test.
  it('completes on long and pathological text, with findings for what differs', () => {
    const long = [
      'a'.repeat(20000),
      ' '.repeat(20000) + 'x',
      '1,'.repeat(10000),
      '@'.repeat(5000) + 'a'.repeat(5000),
      'a.'.repeat(10000) + '@',
      'www.' + 'a'.repeat(20000),
      '1 '.repeat(10000),
      '😀'.repeat(10000),
    ];
    for (const text of long) {
      const findings = runQaChecks(pair(text, text + text.slice(0, 100), 'fr'));
      expect(findings.every((finding) => QA_CHECK_IDS.includes(finding.check))).toBe(true);
    }
  });
});
