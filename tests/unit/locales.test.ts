/**
 * Every UI string exists in every locale, with the same interpolation variables, and is not empty.
 * Korean is the reference: it is the default UI language and the source of the key types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../locales');
const languages = readdirSync(root);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(join(root, language)).filter((f) => f.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    const tree = JSON.parse(readFileSync(join(root, language, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree)) out.set(`${ns}:${k}`, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w-]+)/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const reference = load('ko');

  it('has Korean and English', () => {
    expect(languages).toEqual(expect.arrayContaining(['ko', 'en']));
    expect(reference.size).toBeGreaterThan(50);
  });

  for (const language of languages) {
    it(`${language} has exactly the keys of ko`, () => {
      const strings = load(language);
      expect([...strings.keys()].sort()).toEqual([...reference.keys()].sort());
    });

    it(`${language} uses the same interpolation variables as ko and has no empty strings`, () => {
      const strings = [...load(language)];
      const empty = strings.filter(([, value]) => value.trim() === '').map(([key]) => key);
      const mismatched = strings
        .filter(
          ([key, value]) => variables(value).join() !== variables(reference.get(key) ?? '').join(),
        )
        .map(([key]) => key);
      expect(empty).toEqual([]);
      expect(mismatched).toEqual([]);
    });
  }

  it('writes the Korean UI in Korean', () => {
    const hangul = [...reference.entries()].filter(([, v]) => /\p{Script=Hangul}/u.test(v));
    // Brand names may stay in Latin letters; everything else is Korean.
    expect(hangul.length / reference.size).toBeGreaterThan(0.9);
    expect(reference.get('reading:reader.segment.translating')).toBe('해당 언어로 번역 중입니다…');
    expect(reference.get('reading:reader.meta.published')).toMatch(/^승인 /);
    expect(reference.get('reading:share.action')).toBe('이 기사를 공유합니다');
  });
});
