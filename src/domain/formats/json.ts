/**
 * The whole review as JSON, wrapped with a format marker and version so that a future reader can
 * tell it from any other JSON file and migrate old exports.
 */
import type { ReviewDocument } from '../review/types';

export const REVIEW_JSON_FORMAT = 'interlinear-review';
export const REVIEW_JSON_VERSION = 1;

export interface ReviewJson {
  format: typeof REVIEW_JSON_FORMAT;
  version: typeof REVIEW_JSON_VERSION;
  generator: string;
  exportedAt: string;
  document: ReviewDocument;
}

export function exportJson(
  doc: ReviewDocument,
  options: { appVersion: string; now: Date },
): string {
  const wrapped: ReviewJson = {
    format: REVIEW_JSON_FORMAT,
    version: REVIEW_JSON_VERSION,
    generator: `Interlinear ${options.appVersion}`,
    exportedAt: options.now.toISOString(),
    document: doc,
  };
  return `${JSON.stringify(wrapped, null, 2)}\n`;
}
