import { describe, expect, it } from 'vitest';
import type { ReviewDocument } from '../review/types';
import { exportReview, type ExportFormat } from './export';
import { LABELS, NOW, richReview } from './fixtures/rich-review';
import { MAX_IMPORT_BYTES, ReviewImportError, importReview, type ImportErrorCode } from './import';
import { XLIFF12_NS, XLIFF2_NS } from './xml';

function codeOf(xml: string): ImportErrorCode | null {
  try {
    importReview(xml);
    return null;
  } catch (error) {
    if (error instanceof ReviewImportError) return error.code;
    throw error;
  }
}

const minimal2 = `<xliff xmlns="${XLIFF2_NS}" version="2.0" srcLang="en" trgLang="de">
  <file id="f"><unit id="u"><segment><source>Hi</source><target>Hallo</target></segment></unit></file>
</xliff>`;

describe('importReview: errors', () => {
  it('is an Error with a code and a message', () => {
    const error = new ReviewImportError('no-units');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ReviewImportError');
    expect(error.code).toBe('no-units');
    expect(error.message).not.toBe('');
    expect(new ReviewImportError('not-xml', 'custom').message).toBe('custom');
  });

  it.each([
    ['not-xml', 'not xml at all'],
    ['not-xml', '<xliff version="2.0"><file></xliff>'],
    ['not-xml', ''],
    ['not-xliff', '<html><body>Hello</body></html>'],
    ['not-xliff', '<tmx version="1.4"><header/><body/></tmx>'],
    ['not-xliff', '<xliff xmlns="urn:example:other" version="2.0"/>'],
    ['unsupported-version', `<xliff xmlns="${XLIFF2_NS}" version="3.0" srcLang="en"/>`],
    ['unsupported-version', '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"/>'],
    ['unsupported-version', `<xliff xmlns="${XLIFF2_NS}" srcLang="en"/>`],
    ['no-units', `<xliff xmlns="${XLIFF2_NS}" version="2.0" srcLang="en"><file id="f"/></xliff>`],
    [
      'no-units',
      `<xliff xmlns="${XLIFF12_NS}" version="1.2"><file original="x"><body/></file></xliff>`,
    ],
  ] as const)('%s: %s', (code, xml) => {
    expect(codeOf(xml)).toBe(code);
  });

  it('refuses input over 20 MB before parsing it', () => {
    const padding = ' '.repeat(MAX_IMPORT_BYTES);
    expect(codeOf(minimal2 + padding)).toBe('too-large');
  });

  it('measures the limit in UTF-8 bytes', () => {
    const hangul = '가'.repeat(Math.floor(MAX_IMPORT_BYTES / 3) + 10);
    expect(hangul.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(codeOf(minimal2.replace('Hallo', hangul))).toBe('too-large');
  });

  it('rejects a billion-laughs DOCTYPE', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff xmlns="${XLIFF2_NS}" version="2.0" srcLang="en">
  <file id="f"><unit id="u"><segment><source>&lol3;</source></segment></unit></file>
</xliff>`;
    expect(codeOf(bomb)).toBe('not-xml');
  });

  it('rejects an external entity and never reads the file it names', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="${XLIFF2_NS}" version="2.0" srcLang="en">
  <file id="f"><unit id="u"><segment><source>&secret;</source></segment></unit></file>
</xliff>`;
    expect(codeOf(xxe)).toBe('not-xml');
  });

  it('accepts a DOCTYPE that declares no entities', () => {
    const withDoctype = `<?xml version="1.0"?>\n<!DOCTYPE xliff>\n${minimal2}`;
    expect(importReview(withDoctype).segments).toHaveLength(1);
  });
});

describe('importReview: input handling', () => {
  it('accepts a byte order mark and an XML declaration', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n${minimal2}`;
    expect(importReview(xml).segments[0]).toMatchObject({ source: 'Hi', target: 'Hallo' });
  });

  it('gives another tool’s file a stable id made from its content', () => {
    const first = importReview(minimal2).articleId;
    expect(first).toMatch(/^xliff-[0-9a-f]{16}-/);
    expect(importReview(minimal2).articleId).toBe(first);
    expect(importReview(minimal2.replace('Hallo', 'Servus')).articleId).not.toBe(first);
  });

  it('reads an XLIFF 1.2 file without a namespace', () => {
    const xml = `<xliff version="1.2"><file original="a" source-language="en" target-language="nl"
      datatype="plaintext"><body><trans-unit id="1"><source>Hi</source><target>Hoi</target>
      </trans-unit></body></file></xliff>`;
    expect(importReview(xml)).toMatchObject({
      sourceLanguage: 'en',
      targetLanguage: 'nl',
      segments: [{ source: 'Hi', target: 'Hoi', status: 'edited' }],
    });
  });
});

describe('special characters survive export and import', () => {
  const tricky = [
    'Tom & Jerry <b>bold</b> "double" \'single\' > arrow',
    '&amp; &lt; literally, ]]> and <![CDATA[x]]>',
    'Emoji 👩‍👩‍👧 🇰🇷 and a variation selector ❤️',
    '中文、日本語のテキスト、한국어 텍스트',
    'עברית ו-العربية mixed with English',
    'Line one\nline two\ttabbed\r\nwindows',
    '\u00A0non-breaking\u2009thin\u200Bzero-width',
  ];

  const review = (): ReviewDocument => {
    const base = richReview();
    return {
      ...base,
      title: tricky.join(' | '),
      segments: tricky.map((text, index) => ({
        ...base.segments[1]!,
        index,
        source: text,
        target: `«${text}»`,
        mt: text.toUpperCase(),
        comments: [{ id: `c${index}`, author: text, text, createdAt: index }],
      })),
    };
  };

  it.each(['xliff2', 'xliff12'] as ExportFormat[])('through %s', (format) => {
    const doc = review();
    const file = exportReview(doc, format, { labels: LABELS, appVersion: '1', now: NOW });
    expect(importReview(file.content)).toEqual(doc);
  });
});
