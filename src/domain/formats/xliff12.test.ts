import { describe, expect, it } from 'vitest';
import type { ReviewDocument, SegmentStatus } from '../review/types';
import otherTool from './fixtures/other-tool-1.2.xlf?raw';
import { NOW, richReview } from './fixtures/rich-review';
import { importReview } from './import';
import { exportXliff12 } from './xliff12';
import { IL_NS, XLIFF12_NS } from './xml';

const options = { appVersion: '1.2.3', now: NOW };

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'application/xml');
}

function all(doc: Document, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(XLIFF12_NS, name));
}

function childrenOf(el: Element, name: string): Element[] {
  return Array.from(el.children).filter((child) => child.localName === name);
}

describe('exportXliff12: structure', () => {
  const xml = exportXliff12(richReview(), options);
  const doc = parse(xml);
  const units = all(doc, 'trans-unit');

  it('is well-formed XLIFF 1.2 with the file attributes 1.2 requires', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('version')).toBe('1.2');
    const file = all(doc, 'file')[0]!;
    expect(file.getAttribute('original')).toBe('Prices & "quotes" <rise> — 물가 상승');
    expect(file.getAttribute('source-language')).toBe('en');
    expect(file.getAttribute('target-language')).toBe('ko');
    expect(file.getAttribute('datatype')).toBe('plaintext');
    expect(all(doc, 'tool')[0]!.getAttribute('tool-version')).toBe('1.2.3');
    expect(childrenOf(file, 'body')).toHaveLength(1);
  });

  it('writes one trans-unit per row with source first', () => {
    expect(units.map((u) => u.getAttribute('id'))).toEqual(['u0', 'u1', 'u2', 'u3', 'u5', 'u6']);
    for (const unit of units) expect(unit.firstElementChild?.localName).toBe('source');
  });

  it('maps statuses to 1.2 target states and approval', () => {
    const rows = units.map((unit) => {
      const target = childrenOf(unit, 'target')[0];
      return [
        target?.getAttribute('state') ?? null,
        target?.getAttribute('state-qualifier') ?? null,
        unit.getAttribute('approved'),
        unit.getAttributeNS(IL_NS, 'status'),
      ];
    });
    expect(rows).toEqual([
      ['translated', 'leveraged-mt', null, 'mt'],
      ['translated', null, null, 'edited'],
      ['signed-off', null, null, 'reviewed'],
      ['final', null, 'yes', 'approved'],
      ['needs-review-translation', null, null, 'rejected'],
      [null, null, null, 'mt'],
    ]);
  });

  it('keeps trans-unit ids unique even if two rows share an index', () => {
    const review = richReview();
    review.segments = [review.segments[0]!, { ...review.segments[1]!, index: 0 }];
    const out = all(parse(exportXliff12(review, options)), 'trans-unit');
    expect(out.map((u) => u.getAttribute('id'))).toEqual(['u0', 'u0-2']);
  });

  it('writes comments as notes from their author', () => {
    const notes = childrenOf(units[3]!, 'note');
    expect(notes.map((n) => [n.getAttribute('from'), n.textContent])).toEqual([
      ['رنا', 'موافق ✔'],
      ['Lee', "It's fine > good & 'done'"],
    ]);
  });

  it('writes the MT as an alt-trans whose origin is the provider', () => {
    const alt = childrenOf(units[1]!, 'alt-trans')[0]!;
    expect(alt.getAttribute('origin')).toBe('deepl');
    expect(childrenOf(alt, 'target')[0]!.textContent).toBe('위원회는 월요일 東京에서 만났다.');
    expect(childrenOf(units[2]!, 'alt-trans')).toHaveLength(0);
  });
});

describe('XLIFF 1.2 round trip', () => {
  it('is lossless for every field of the review', () => {
    const review = richReview();
    expect(importReview(exportXliff12(review, options))).toEqual(review);
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
    expect(importReview(exportXliff12(review, options)).segments).toEqual(review.segments);
  });

  it('tells an empty MT apart from none, and keeps an origin without text', () => {
    const review = richReview();
    review.segments = [
      { ...review.segments[0]!, mt: '' },
      { ...review.segments[1]!, mt: null, mtOrigin: { provider: 'deepl', createdAt: 5 } },
    ];
    expect(importReview(exportXliff12(review, options))).toEqual(review);
  });

  it('cannot carry characters XML forbids: they become U+FFFD', () => {
    const review = richReview();
    review.segments = [{ ...review.segments[0]!, source: 'a\u0001b' }];
    expect(importReview(exportXliff12(review, options)).segments[0]!.source).toBe('a\uFFFDb');
  });
});

describe('parseXliff12: another tool’s file', () => {
  const review = importReview(otherTool);
  const rows = review.segments;

  it('reads languages and the original file name as title', () => {
    expect(review).toMatchObject({
      title: 'blog/post.html',
      sourceLanguage: 'en',
      targetLanguage: 'fr-FR',
    });
  });

  it('reads text through inline tags, dropping native code', () => {
    expect(rows.map((r) => r.source)).toEqual([
      'Welcome to our blog!',
      'Line one\nline two .',
      'Read more.',
      'First sentence.',
      'Second sentence.',
      'Final word.',
      'Untranslated.',
      'Suggested by MT.',
      'No state at all.',
    ]);
    expect(rows.map((r) => r.target)).toEqual([
      'Bienvenue sur notre blog !',
      'Ligne un\nligne deux .',
      'Lire la suite.',
      'Première phrase.',
      'Deuxième phrase.',
      'Mot final.',
      '',
      'Suggéré par la TA.',
      'Aucun état.',
    ]);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('maps approval, qualifiers and states to statuses', () => {
    expect(rows.map((r) => r.status)).toEqual([
      'approved', // approved="yes"
      'mt', // translated + leveraged-mt
      'edited', // needs-review-translation
      'reviewed', // signed-off, sentence 1
      'reviewed', // signed-off, sentence 2
      'approved', // final
      'mt', // new
      'mt', // needs-translation + mt-suggestion
      'edited', // a target without a state
    ]);
  });

  it('turns notes into comments, with the author from `from`', () => {
    expect(rows[0]!.comments).toEqual([
      {
        id: 'tu1-n1',
        author: 'Marie',
        text: 'Check the non-breaking space before "!".',
        createdAt: 0,
      },
      { id: 'tu1-n2', author: 'XLIFF', text: 'General note without an author.', createdAt: 0 },
    ]);
  });

  it('takes MT from an MT alt-trans and not from a memory match', () => {
    expect(rows[2]!.mt).toBe('Lire plus.');
    expect(rows[2]!.mtOrigin).toEqual({ provider: 'Google NMT', createdAt: 0 });
  });

  it('takes an MT-qualified target as the MT itself', () => {
    expect(rows[1]!.mt).toBe('Ligne un\nligne deux .');
    expect(rows[1]!.mtOrigin).toBeNull();
    expect(rows[7]!.mt).toBe('Suggéré par la TA.');
    expect(rows[0]!.mt).toBeNull();
  });
});
