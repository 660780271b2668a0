/**
 * The translation as plain text: the title, then each translated paragraph, separated by blank
 * lines. Rows without a target are left out rather than filled with source text, so that what
 * comes out is only ever the translation.
 */
import type { ReviewDocument } from '../review/types';

export function exportText(doc: ReviewDocument): string {
  const paragraphs = [doc.title, ...doc.segments.map((segment) => segment.target)]
    .map((text) => text.replace(/\r\n?/g, '\n').trim())
    .filter((text) => text !== '');
  return paragraphs.length > 0 ? `${paragraphs.join('\n\n')}\n` : '';
}
