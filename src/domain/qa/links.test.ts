import { describe, expect, it } from 'vitest';
import type { QaInput } from './checks';
import { checkEmails, checkUrls, findEmails, findUrls, maskLinks } from './links';

function pair(source: string, target: string): QaInput {
  return { source, target, sourceLanguage: 'en', targetLanguage: 'ja' };
}

const urls = (text: string) => findUrls(text).map((m) => m.text);
const emails = (text: string) => findEmails(text).map((m) => m.text);

describe('findUrls', () => {
  it('finds http, https, ftp and www links', () => {
    expect(
      urls('Go to https://example.com/a?b=1#c or http://x.org, ftp://f.net and www.w3.org'),
    ).toEqual(['https://example.com/a?b=1#c', 'http://x.org', 'ftp://f.net', 'www.w3.org']);
  });

  it('leaves sentence punctuation and enclosing brackets out', () => {
    expect(urls('See https://example.com/a.')).toEqual(['https://example.com/a']);
    expect(urls('(see https://example.com/a)')).toEqual(['https://example.com/a']);
    expect(urls('"https://example.com"!')).toEqual(['https://example.com']);
  });

  it('keeps brackets that belong to the link', () => {
    expect(urls('https://en.wikipedia.org/wiki/Mercury_(planet).')).toEqual([
      'https://en.wikipedia.org/wiki/Mercury_(planet)',
    ]);
  });

  it('stops at CJK punctuation written without spaces', () => {
    expect(urls('请访问https://example.com/zh。谢谢')).toEqual(['https://example.com/zh']);
    expect(urls('「https://example.com」を見て')).toEqual(['https://example.com']);
  });

  it('ignores a bare scheme and the www of an e-mail domain', () => {
    expect(urls('Links start with https:// or www.')).toEqual([]);
    expect(urls('write to info@www.example.com')).toEqual([]);
  });
});

describe('findEmails', () => {
  it('finds addresses and leaves trailing punctuation out', () => {
    expect(emails('Write to ana.b+news@mail.example.co.uk. Or x_y@z.io!')).toEqual([
      'ana.b+news@mail.example.co.uk',
      'x_y@z.io',
    ]);
  });

  it('finds an address glued to CJK text', () => {
    expect(emails('请联系info@example.com获取')).toEqual(['info@example.com']);
  });

  it('rejects what only looks like an address', () => {
    expect(emails('@handle, a@b, me@localhost, @ @@ x@.com, y@-a.com')).toEqual([]);
  });
});

describe('maskLinks', () => {
  it('replaces links and addresses with a space', () => {
    expect(maskLinks('a https://x.org/1 b c@d.com e')).toBe('a   b   e');
  });
});

describe('checkUrls', () => {
  it('passes when every link is kept unchanged', () => {
    expect(
      checkUrls(pair('See https://example.com/a.', 'https://example.com/a を参照。')),
    ).toBeNull();
    expect(checkUrls(pair('No links here.', 'リンクなし。'))).toBeNull();
  });

  it('reports a changed link as missing and extra', () => {
    expect(
      checkUrls(pair('See https://example.com/en.', 'https://example.com/ja を参照。')),
    ).toEqual({
      check: 'urls',
      severity: 'error',
      params: { missing: 'https://example.com/en', extra: 'https://example.com/ja' },
    });
  });

  it('reports a dropped and an added link', () => {
    expect(checkUrls(pair('www.a.org and www.b.org', 'www.a.org'))?.params).toEqual({
      missing: 'www.b.org',
      extra: '',
    });
    expect(checkUrls(pair('Home', 'ホーム https://x.jp'))?.params).toEqual({
      missing: '',
      extra: 'https://x.jp',
    });
  });
});

describe('checkEmails', () => {
  it('passes when every address is kept', () => {
    expect(checkEmails(pair('Mail help@example.com.', 'help@example.com へ。'))).toBeNull();
  });

  it('reports a changed address', () => {
    expect(checkEmails(pair('Mail help@example.com.', 'help@example.jp へ。'))).toEqual({
      check: 'emails',
      severity: 'error',
      params: { missing: 'help@example.com', extra: 'help@example.jp' },
    });
  });

  it('leaves addresses inside links to the URL check', () => {
    expect(checkEmails(pair('https://x.org/?to=a@b.com', 'https://x.org/?to=a@b.com'))).toBeNull();
  });
});
