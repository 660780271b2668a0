import { describe, expect, it } from 'vitest';
import {
  createXml,
  inlineText,
  isoDate,
  parseDate,
  parseNumber,
  serializeXml,
  splitForCodePoints,
  xmlSafe,
} from './xml';

function element(xml: string): Element {
  return new DOMParser().parseFromString(xml, 'application/xml').documentElement;
}

describe('xmlSafe and splitForCodePoints', () => {
  it('leaves every character XML allows alone', () => {
    const allowed = 'tab\t lf\n cr\r 한국어 🎉 \uFFFD \uE000';
    expect(xmlSafe(allowed)).toBe(allowed);
    expect(splitForCodePoints(allowed)).toEqual([allowed]);
  });

  it('replaces what XML cannot hold', () => {
    expect(xmlSafe('a\u0000b\u0008c\uFFFEd\uD800e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
  });

  it('splits around code points XLIFF 2 encodes, but not around surrogates', () => {
    expect(splitForCodePoints('a\u0001b\u001F')).toEqual(['a', 1, 'b', 0x1f]);
    expect(splitForCodePoints('\uDC00x')).toEqual(['\uFFFDx']);
  });
});

describe('inlineText', () => {
  it('takes the text of paired markup and skips code', () => {
    const el = element('<s>a <g>b <mrk>c</mrk></g><x/> <ph>&lt;br&gt;</ph>d</s>');
    expect(inlineText(el, new Set(['ph']))).toBe('a b c d');
  });

  it('decodes <cp>, and refuses code points that are not characters', () => {
    expect(inlineText(element('<s>a<cp hex="0001"/><cp hex="1F600"/></s>'))).toBe('a\u0001😀');
    expect(inlineText(element('<s><cp hex="D800"/><cp hex="zz"/></s>'))).toBe('\uFFFD');
  });

  it('lets the caller stand in for an element', () => {
    const el = element('<s>one<x ctype="lb"/>two</s>');
    expect(inlineText(el, new Set(), (e) => (e.getAttribute('ctype') === 'lb' ? '\n' : null))).toBe(
      'one\ntwo',
    );
  });

  it('reads CDATA sections as text', () => {
    expect(inlineText(element('<s><![CDATA[<b> & ]]>x</s>'))).toBe('<b> & x');
  });
});

describe('serializeXml', () => {
  it('indents structure but never the inside of text elements', () => {
    const x = createXml('urn:test', 'root');
    const item = x.add(x.root, 'item');
    x.addText(item, 'text', '  spaced  ');
    const out = serializeXml(x.doc, new Set(['text']));
    expect(out).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<root xmlns="urn:test">\n  <item>\n    <text>  spaced  </text>\n  </item>\n</root>\n',
    );
  });

  it('keeps carriage returns in text as references', () => {
    const x = createXml(null, 'root');
    x.addText(x.root, 't', 'a\r\nb', { note: 'x\ry' });
    const out = serializeXml(x.doc, new Set(['t']));
    const parsed = element(out.replace(/^<\?xml[^>]*>\n/, ''));
    expect(parsed.firstElementChild?.textContent).toBe('a\r\nb');
    expect(parsed.firstElementChild?.getAttribute('note')).toBe('x\ry');
  });

  it('declares our namespace once, on the root', () => {
    const x = createXml('urn:test', 'root');
    for (let i = 0; i < 3; i++) x.setOwn(x.add(x.root, 'item'), 'n', i);
    const out = serializeXml(x.doc, new Set());
    expect(out.match(/xmlns:il=/g)).toHaveLength(1);
  });
});

describe('values', () => {
  it('round-trips dates to the millisecond', () => {
    const ms = Date.UTC(2024, 1, 29, 23, 59, 59, 999);
    expect(parseDate(isoDate(ms))).toBe(ms);
    expect(isoDate(Number.NaN)).toBeNull();
    expect(parseDate('not a date')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });

  it('reads numbers strictly', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber('4.5')).toBe(4.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('12px')).toBeNull();
    expect(parseNumber(null)).toBeNull();
  });
});
