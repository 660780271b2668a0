/**
 * A bilingual review sheet: one standalone HTML5 file, source beside target with status, MT origin
 * and comments per row, that opens in any browser and prints legibly on A4. Every piece of text
 * goes through `escapeHtml`; nothing from the document is ever written as markup.
 */
import type { ReviewComment, ReviewDocument, ReviewSegment } from '../review/types';
import type { ExportLabels } from './export';

export interface HtmlExportOptions {
  labels: ExportLabels;
  appVersion: string;
  now: Date;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and double- or single-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Primary language subtags written right to left (and the Arabic and Hebrew script subtags). */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

export function directionOf(lang: string): 'ltr' | 'rtl' | 'auto' {
  const tag = lang.trim().toLowerCase();
  if (tag === '' || tag === 'und') return 'auto';
  const [primary = ''] = tag.split('-');
  if (/-(arab|hebr|syrc|thaa|nkoo|adlm|rohg)(-|$)/.test(tag)) return 'rtl';
  if (/-(latn|cyrl)(-|$)/.test(tag)) return 'ltr';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

function utcStamp(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function langAttrs(lang: string): string {
  const attrs = [`dir="${directionOf(lang)}"`];
  if (lang) attrs.unshift(`lang="${escapeHtml(lang)}"`);
  return attrs.join(' ');
}

/** `generatedBy` may carry i18next-style placeholders; without them the tool name is appended. */
function footerText(label: string, appVersion: string, now: Date): string {
  const stamp = utcStamp(now.getTime());
  const values: Record<string, string> = {
    app: 'Interlinear',
    version: appVersion,
    date: stamp,
  };
  const hasPlaceholder = /\{\{\s*(app|version|date)\s*\}\}/.test(label);
  const text = label.replace(
    /\{\{\s*(app|version|date)\s*\}\}/g,
    (_, key: string) => values[key] ?? '',
  );
  return hasPlaceholder ? text : `${text} Interlinear ${appVersion} · ${stamp}`.trim();
}

function commentHtml(comment: ReviewComment): string {
  const when = utcStamp(comment.createdAt);
  const time = when
    ? ` <time datetime="${escapeHtml(new Date(comment.createdAt).toISOString())}">${escapeHtml(when)}</time>`
    : '';
  return `<li><span class="author">${escapeHtml(comment.author)}</span>${time}<p>${escapeHtml(comment.text)}</p></li>`;
}

function rowHtml(segment: ReviewSegment, doc: ReviewDocument, labels: ExportLabels): string {
  const origin = segment.mtOrigin
    ? `<p class="origin">${escapeHtml(labels.mtOrigin)}: ${escapeHtml(
        segment.mtOrigin.model
          ? `${segment.mtOrigin.provider} (${segment.mtOrigin.model})`
          : segment.mtOrigin.provider,
      )}</p>`
    : '';
  const comments =
    segment.comments.length > 0
      ? `<ul class="comments" aria-label="${escapeHtml(labels.comments)}">${segment.comments.map(commentHtml).join('')}</ul>`
      : '';
  const status = escapeHtml(labels.statuses[segment.status]);
  return [
    `<tr class="status-${segment.status}">`,
    `<td class="num">${segment.index + 1}</td>`,
    `<td class="text" ${langAttrs(doc.sourceLanguage)}>${escapeHtml(segment.source)}</td>`,
    `<td class="text" ${langAttrs(doc.targetLanguage)}>${escapeHtml(segment.target)}</td>`,
    `<td class="meta"><span class="status">${status}</span>${origin}${comments}</td>`,
    '</tr>',
  ].join('');
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
.langs { color: #555; margin: 0 0 1.25rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #c8c8c8; padding: 0.4rem 0.55rem; vertical-align: top; text-align: start; }
th { background: #f0f0f0; font-weight: 600; }
col.num { width: 3rem; } col.meta { width: 22%; }
td.num { color: #666; text-align: end; font-variant-numeric: tabular-nums; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.status { display: inline-block; font-size: 0.8rem; font-weight: 600; padding: 0.05rem 0.45rem; border-radius: 0.6rem; background: #e8e8e8; }
.status-edited .status { background: #dbeafe; } .status-reviewed .status { background: #ede9fe; }
.status-approved .status { background: #dcfce7; } .status-rejected .status { background: #fee2e2; }
.origin { margin: 0.3rem 0 0; font-size: 0.8rem; color: #555; }
.comments { list-style: none; margin: 0.4rem 0 0; padding: 0; font-size: 0.85rem; }
.comments li { border-top: 1px dotted #bbb; padding-top: 0.25rem; margin-top: 0.25rem; }
.comments p { margin: 0.1rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.author { font-weight: 600; } time { color: #666; font-size: 0.75rem; }
footer { margin-top: 1.5rem; font-size: 0.8rem; color: #666; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 9.5pt; margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 15pt; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee; }
  .status, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function exportHtml(doc: ReviewDocument, options: HtmlExportOptions): string {
  const { labels } = options;
  const pageLang = labels.language ?? '';
  const rows = doc.segments.map((segment) => rowHtml(segment, doc, labels)).join('\n');
  return `<!DOCTYPE html>
<html${pageLang ? ` lang="${escapeHtml(pageLang)}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Interlinear ${escapeHtml(options.appVersion)}">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1 ${langAttrs(doc.sourceLanguage)}>${escapeHtml(doc.title)}</h1>
<p class="langs">${escapeHtml(doc.sourceLanguage)} → ${escapeHtml(doc.targetLanguage)}</p>
<table>
<colgroup><col class="num"><col class="source"><col class="target"><col class="meta"></colgroup>
<thead><tr><th scope="col">#</th><th scope="col">${escapeHtml(labels.source)}</th><th scope="col">${escapeHtml(labels.target)}</th><th scope="col">${escapeHtml(labels.comments)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<footer>${escapeHtml(footerText(labels.generatedBy, options.appVersion, options.now))}</footer>
</body>
</html>
`;
}
