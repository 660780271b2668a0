import { describe, expect, it } from 'vitest';
import { NOW, T0, richReview } from './fixtures/rich-review';
import { exportTmx, tmxDate } from './tmx';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

describe('tmxDate', () => {
  it('formats UTC in the TMX basic format', () => {
    expect(tmxDate(Date.UTC(2024, 0, 2, 3, 4, 5, 678))).toBe('20240102T030405Z');
    expect(tmxDate(0)).toBe('19700101T000000Z');
  });

  it('gives nothing for a time that is not one', () => {
    expect(tmxDate(Number.NaN)).toBeNull();
    expect(tmxDate(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('exportTmx', () => {
  const xml = exportTmx(richReview(), { appVersion: '1.2.3', now: NOW });
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const tus = Array.from(doc.getElementsByTagName('tu'));

  it('is well-formed TMX 1.4 with a DOCTYPE', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('tmx');
    expect(doc.documentElement.getAttribute('version')).toBe('1.4');
    expect(xml).toContain('<!DOCTYPE tmx SYSTEM "tmx14.dtd">');
  });

  it('has every header attribute TMX requires', () => {
    const header = doc.getElementsByTagName('header')[0]!;
    expect(Object.fromEntries(Array.from(header.attributes, (a) => [a.name, a.value]))).toEqual({
      creationtool: 'Interlinear',
      creationtoolversion: '1.2.3',
      segtype: 'paragraph',
      'o-tmf': 'Interlinear',
      adminlang: 'en',
      srclang: 'en',
      datatype: 'plaintext',
      creationdate: '20240602T030405Z',
    });
  });

  it('has one unit per row with a target, each with both variants', () => {
    expect(tus).toHaveLength(5);
    for (const tu of tus) {
      const tuvs = Array.from(tu.getElementsByTagName('tuv'));
      expect(tuvs.map((tuv) => tuv.getAttributeNS(XML_NS, 'lang'))).toEqual(['en', 'ko']);
      for (const tuv of tuvs) expect(tuv.getElementsByTagName('seg')).toHaveLength(1);
    }
  });

  it('carries text exactly, escaped', () => {
    const segs = tus[0]!.getElementsByTagName('seg');
    expect(segs[0]!.textContent).toBe('Prices rose by 5 < 6 & more "quoted" \'single\'.');
    expect(segs[1]!.textContent).toBe('가격이 5 < 6 & 더 올랐다.');
    expect(xml).toContain('5 &lt; 6 &amp; more');
  });

  it('adds status, MT origin and comments before the variants', () => {
    const tu = tus[1]!;
    const names = Array.from(tu.children, (el) => el.localName);
    expect(names).toEqual(['note', 'prop', 'prop', 'tuv', 'tuv']);
    const props = Array.from(tu.getElementsByTagName('prop'), (p) => [
      p.getAttribute('type'),
      p.textContent,
    ]);
    expect(props).toEqual([
      ['x-status', 'edited'],
      ['x-mt-origin', 'deepl'],
    ]);
    expect(tu.getElementsByTagName('note')[0]!.textContent).toContain('Kim "Editor"');
    expect(tus[0]!.getElementsByTagName('prop')[1]!.textContent).toBe('apertium (eng-kor@apy)');
  });

  it('dates each unit in TMX format', () => {
    expect(tus[0]!.getAttribute('creationdate')).toBe(tmxDate(T0));
    expect(tus[0]!.getAttribute('creationdate')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(tus[1]!.getAttribute('changedate')).toBe(tmxDate(T0 + 3));
  });
});
