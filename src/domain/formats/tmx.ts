/**
 * TMX 1.4b: the finished translations as a translation memory, for reuse in any CAT tool. Only
 * rows with a target go in; a memory entry without a translation is useless. Status, MT provider
 * and comments ride along as `<prop>` and `<note>`, which TMX tools show but never interpret.
 */
import type { ReviewDocument } from '../review/types';
import { createXml, serializeXml } from './xml';

export interface TmxExportOptions {
  appVersion: string;
  now: Date;
}

/** TMX dates are ISO 8601 basic format in UTC: YYYYMMDDThhmmssZ. */
export function tmxDate(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString(); // 2024-05-01T12:34:56.789Z
  if (!/^\d{4}-/.test(iso)) return null;
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

export function exportTmx(doc: ReviewDocument, options: TmxExportOptions): string {
  const x = createXml(null, 'tmx', { systemId: 'tmx14.dtd' });
  x.root.setAttribute('version', '1.4');
  const sourceLanguage = doc.sourceLanguage || 'und';
  const targetLanguage = doc.targetLanguage || 'und';
  x.add(x.root, 'header', {
    creationtool: 'Interlinear',
    creationtoolversion: options.appVersion,
    segtype: 'paragraph',
    'o-tmf': 'Interlinear',
    adminlang: 'en',
    srclang: sourceLanguage,
    datatype: 'plaintext',
    creationdate: tmxDate(options.now.getTime()),
  });
  const body = x.add(x.root, 'body');

  for (const segment of doc.segments) {
    if (segment.target === '') continue;
    const created = segment.mtOrigin?.createdAt ?? segment.updatedAt;
    const tu = x.add(body, 'tu', {
      tuid: `${doc.articleId}-${segment.index}`,
      creationdate: tmxDate(created),
      changedate: tmxDate(segment.updatedAt),
    });
    // The DTD orders a unit's children as notes and props first, then the variants.
    for (const comment of segment.comments) {
      x.addText(tu, 'note', `${comment.author}: ${comment.text}`);
    }
    x.addText(tu, 'prop', segment.status, { type: 'x-status' });
    if (segment.mtOrigin) {
      const { provider, model } = segment.mtOrigin;
      x.addText(tu, 'prop', model ? `${provider} (${model})` : provider, { type: 'x-mt-origin' });
    }
    const source = x.add(tu, 'tuv', { 'xml:lang': sourceLanguage });
    x.addText(source, 'seg', segment.source);
    const target = x.add(tu, 'tuv', { 'xml:lang': targetLanguage });
    x.addText(target, 'seg', segment.target);
  }
  return serializeXml(x.doc, new Set(['seg', 'note', 'prop']));
}
