import { describe, expect, it } from 'vitest';
import type { ReviewDocument, SegmentStatus } from '../review/types';
import otherTool from './fixtures/other-tool-2.0.xlf?raw';
import { NOW, T0, richReview } from './fixtures/rich-review';
import { importReview } from './import';
import { exportXliff2 } from './xliff2';
import { IL_NS, XLIFF2_NS } from './xml';

const options = { appVersion: '1.2.3', now: NOW };

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'application/xml');
}

function all(doc: Document, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(XLIFF2_NS, name));
}

describe('exportXliff2: structure', () => {
  const xml = exportXliff2(richReview(), options);
  const doc = parse(xml);

  it('is well-formed XLIFF 2.0 with both languages', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = doc.documentElement;
    expect(root.localName).toBe('xliff');
    expect(root.namespaceURI).toBe(XLIFF2_NS);
    expect(root.getAttribute('version')).toBe('2.0');
    expect(root.getAttribute('srcLang')).toBe('en');
    expect(root.getAttribute('trgLang')).toBe('ko');
  });

  it('has one file and a unit holding one segment per row', () => {
    const files = all(doc, 'file');
    expect(files).toHaveLength(1);
    expect(files[0]!.getAttribute('id')).toBe('f1');
    const units = all(doc, 'unit');
    expect(units.map((u) => u.getAttribute('id'))).toEqual(['u0', 'u1', 'u2', 'u3', 'u5', 'u6']);
    for (const unit of units) {
      const segments = Array.from(unit.children).filter((el) => el.localName === 'segment');
      expect(segments).toHaveLength(1);
      expect(segments[0]!.getAttribute('id')).toBe(unit.getAttribute('id')!.replace('u', 's'));
    }
  });

  it('maps statuses to state and keeps the exact one in subState', () => {
    const states = all(doc, 'segment').map((s) => [
      s.getAttribute('state'),
      s.getAttribute('subState'),
    ]);
    expect(states).toEqual([
      ['initial', 'interlinear:mt'],
      ['translated', 'interlinear:edited'],
      ['reviewed', 'interlinear:reviewed'],
      ['final', 'interlinear:approved'],
      ['reviewed', 'interlinear:rejected'],
      ['initial', 'interlinear:mt'],
    ]);
  });

  it('omits the target of a row without one', () => {
    const last = all(doc, 'segment').at(-1)!;
    expect(Array.from(last.children).map((el) => el.localName)).toEqual(['source']);
  });

  it('writes the MT as a target note with its origin in our namespace', () => {
    const mtNotes = all(doc, 'note').filter((n) => n.getAttribute('category') === 'mt');
    expect(mtNotes).toHaveLength(4);
    const first = mtNotes[0]!;
    expect(first.getAttribute('appliesTo')).toBe('target');
    expect(first.textContent).toBe('가격이 5 < 6 & 더 올랐다.');
    expect(first.getAttributeNS(IL_NS, 'provider')).toBe('apertium');
    expect(first.getAttributeNS(IL_NS, 'model')).toBe('eng-kor@apy');
    expect(first.getAttributeNS(IL_NS, 'createdAt')).toBe(new Date(T0).toISOString());
    expect(mtNotes[1]!.hasAttributeNS(IL_NS, 'model')).toBe(false);
  });

  it('writes comments as notes with author and date in our namespace only', () => {
    const comments = all(doc, 'note').filter((n) => n.getAttribute('category') === 'comment');
    expect(comments).toHaveLength(4);
    const first = comments[0]!;
    expect(first.textContent).toBe('Use 도쿄 & not 東京; see <b>style</b> guide\nsecond line.');
    expect(first.getAttributeNS(IL_NS, 'author')).toBe('Kim "Editor" <kim@example.com>');
    // XLIFF 2 allows only id, appliesTo, category and priority of its own on a note.
    for (const note of all(doc, 'note')) {
      const own = Array.from(note.attributes).filter((a) => a.namespaceURI === null);
      for (const attr of own) {
        expect(['id', 'appliesTo', 'category', 'priority']).toContain(attr.localName);
      }
    }
  });

  it('puts notes only on units and the file, never on segments', () => {
    for (const notes of all(doc, 'notes')) {
      expect(['unit', 'file']).toContain(notes.parentElement!.localName);
    }
  });

  it('carries title, article id, time spent and update time', () => {
    const file = all(doc, 'file')[0]!;
    expect(file.getAttributeNS(IL_NS, 'articleId')).toBe('a1b2c3d4e5f60718-9x');
    const title = all(doc, 'note').find((n) => n.getAttribute('category') === 'title');
    expect(title?.textContent).toBe('Prices & "quotes" <rise> — 물가 상승');
    const unit = all(doc, 'unit')[1]!;
    expect(unit.getAttributeNS(IL_NS, 'timeSpentMs')).toBe('45250');
    expect(unit.getAttributeNS(IL_NS, 'updatedAt')).toBe(new Date(T0 + 3).toISOString());
  });

  it('escapes markup characters instead of emitting them', () => {
    expect(xml).toContain('5 &lt; 6 &amp; more');
    expect(xml).not.toContain('<b>style</b>');
    expect(xml).not.toContain('<rise>');
  });

  it('declares whitespace significant', () => {
    expect(all(doc, 'file')[0]!.getAttribute('xml:space')).toBe('preserve');
  });

  it('keeps unit and segment ids unique even if two rows share an index', () => {
    const review = richReview();
    review.segments = [review.segments[0]!, { ...review.segments[1]!, index: 0 }];
    const out = parse(exportXliff2(review, options));
    expect(all(out, 'unit').map((u) => u.getAttribute('id'))).toEqual(['u0', 'u0-2']);
    expect(all(out, 'segment').map((s) => s.getAttribute('id'))).toEqual(['s0', 's0-2']);
  });

  it('encodes characters XML cannot hold as <cp>', () => {
    const review = richReview();
    review.segments = [
      { ...review.segments[0]!, source: 'bell\u0007 esc\u001B', target: 'x\uFFFF' },
    ];
    const out = exportXliff2(review, options);
    expect(out).toContain('bell<cp hex="0007"/> esc<cp hex="001B"/>');
    expect(out).toContain('x<cp hex="FFFF"/>');
    expect(parse(out).getElementsByTagName('parsererror')).toHaveLength(0);
  });
});

describe('XLIFF 2.0 round trip', () => {
  it('is lossless for every field of the review', () => {
    const review = richReview();
    expect(importReview(exportXliff2(review, options))).toEqual(review);
  });

  it('keeps key order too, so stored JSON compares equal', () => {
    const review = richReview();
    expect(JSON.stringify(importReview(exportXliff2(review, options)))).toBe(
      JSON.stringify(review),
    );
  });

  it('restores every status exactly, with and without a target', () => {
    const statuses: SegmentStatus[] = ['mt', 'edited', 'reviewed', 'approved', 'rejected'];
    const review: ReviewDocument = {
      ...richReview(),
      segments: statuses.flatMap((status, i) =>
        ['', 'text'].map((target, j) => ({
          index: i * 2 + j,
          source: `s${i}`,
          mt: null,
          mtOrigin: null,
          target,
          status,
          comments: [],
          timeSpentMs: 0,
          updatedAt: 0,
        })),
      ),
    };
    expect(importReview(exportXliff2(review, options)).segments).toEqual(review.segments);
  });

  it('tells an empty MT apart from none, and keeps an origin without text', () => {
    const review = richReview();
    review.segments = [
      { ...review.segments[0]!, mt: '' },
      { ...review.segments[1]!, mt: null, mtOrigin: { provider: 'deepl', createdAt: 5 } },
    ];
    expect(importReview(exportXliff2(review, options))).toEqual(review);
  });

  it('keeps control characters through <cp>', () => {
    const review = richReview();
    review.segments = [{ ...review.segments[0]!, source: 'a\u0001b\u001Fc', target: '\u000B' }];
    expect(importReview(exportXliff2(review, options))).toEqual(review);
  });
});

describe('parseXliff2: another tool’s file', () => {
  const review = importReview(otherTool);

  it('reads languages and falls back to the original file name as title', () => {
    expect(review.sourceLanguage).toBe('en-US');
    expect(review.targetLanguage).toBe('de-DE');
    expect(review.title).toBe('news/article-42.html');
    expect(review.articleId).toMatch(/^xliff-/);
  });

  it('makes one row per segment, in order, across groups and units', () => {
    expect(review.segments.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(review.segments.map((s) => s.source)).toEqual([
      'Acme opens a new store.',
      'It has three floors.',
      'Opening is on Monday.',
      'Prices & fees < 5 %.',
      'Escape\u001Band bell\u0007.',
    ]);
    expect(review.segments.map((s) => s.target)).toEqual([
      'Acme eröffnet ein neues Geschäft.',
      'Es hat drei Etagen.',
      '',
      'Preise & Gebühren < 5 %.',
      'Escape\u001Bund Glocke\u0007.',
    ]);
  });

  it('maps states without our subState', () => {
    expect(review.segments.map((s) => s.status)).toEqual([
      'approved',
      'edited',
      'mt',
      'mt',
      'reviewed',
    ]);
  });

  it('turns unit notes into comments on the unit’s first row', () => {
    expect(review.segments[0]!.comments).toEqual([
      { id: 'p1-n1', author: 'XLIFF', text: 'Keep the brand name in English.', createdAt: 0 },
      { id: 'p1-n2', author: 'XLIFF', text: 'Headline, max. 60 characters.', createdAt: 0 },
    ]);
    expect(review.segments[1]!.comments).toEqual([]);
  });

  it('reads MT from the translation candidates module', () => {
    expect(review.segments[3]!.mt).toBe('Preise & Gebühren < 5 %.');
    expect(review.segments[3]!.mtOrigin).toEqual({ provider: 'DeepL', createdAt: 0 });
    expect(review.segments[0]!.mt).toBeNull();
  });

  it('has no time spent or update time to report', () => {
    for (const segment of review.segments) {
      expect(segment.timeSpentMs).toBe(0);
      expect(segment.updatedAt).toBe(0);
    }
  });

  it('reads XLIFF 2.1 the same way', () => {
    const v21 = otherTool.replace('version="2.0"', 'version="2.1"');
    expect(importReview(v21).segments).toEqual(review.segments);
  });

  it('takes an MT note and a comment note of another tool', () => {
    const xml = `<xliff xmlns="${XLIFF2_NS}" version="2.0" srcLang="en" trgLang="es">
      <file id="f"><unit id="one"><notes>
        <note category="mt" appliesTo="target">Hola.</note>
        <note category="comment">Looks right.</note>
      </notes><segment state="translated"><source>Hello.</source><target>Hola.</target></segment>
      </unit></file></xliff>`;
    const [row] = importReview(xml).segments;
    expect(row).toMatchObject({
      mt: 'Hola.',
      mtOrigin: null,
      status: 'edited',
      comments: [{ id: 'one-n2', author: 'XLIFF', text: 'Looks right.', createdAt: 0 }],
    });
  });

  it('falls back to xml:lang and then to "und" when the languages are missing', () => {
    const xml = `<xliff xmlns="${XLIFF2_NS}" version="2.0">
      <file id="f"><unit id="u"><segment><source xml:lang="fr">Bonjour</source>
      <target xml:lang="it">Ciao</target></segment></unit></file></xliff>`;
    expect(importReview(xml)).toMatchObject({ sourceLanguage: 'fr', targetLanguage: 'it' });
    const bare = `<xliff xmlns="${XLIFF2_NS}" version="2.0"><file id="f"><unit id="u">
      <segment><source>Bonjour</source></segment></unit></file></xliff>`;
    expect(importReview(bare)).toMatchObject({ sourceLanguage: 'und', targetLanguage: 'und' });
  });

  it('drops indentation inside source and target unless space is preserved', () => {
    const xml = `<xliff xmlns="${XLIFF2_NS}" version="2.0" srcLang="en">
      <file id="f"><unit id="u"><segment><source>
          Indented  text
        </source></segment></unit>
      <unit id="v" xml:space="preserve"><segment><source>
  kept </source></segment></unit></file></xliff>`;
    expect(importReview(xml).segments.map((s) => s.source)).toEqual([
      'Indented  text',
      '\n  kept ',
    ]);
  });
});
