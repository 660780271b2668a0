import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportErrorCode } from '../../domain/formats/import';
import type { MtOrigin, ReviewComment, SegmentStatus } from '../../domain/review/types';
import type { WorkRow } from './use-review-rows';

export interface ImportedRow {
  index: number;
  core: { target: string; status: SegmentStatus; comments: ReviewComment[] };
  mt?: string | null;
  mtOrigin?: MtOrigin | null;
  timeSpentMs?: number;
}

interface ImportButtonProps {
  rows: readonly WorkRow[];
  onImported: (rows: ImportedRow[], skipped: number) => void;
  onError: (message: string) => void;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Reads an XLIFF 2.0 or 1.2 file (ours or another tool's) back into this review: segments are
 * matched to rows by their source text, in order, so a file of the same article restores its
 * targets, states and notes; segments whose source is not in this article are counted, not forced.
 */
export function ImportButton({ rows, onImported, onError }: ImportButtonProps) {
  const { t } = useTranslation('review');
  const inputId = useId();

  const read = async (file: File) => {
    const { importReview, ReviewImportError } = await import('../../domain/formats/import');
    let text: string;
    try {
      text = await file.text();
    } catch {
      onError(t('import.errors.unreadable'));
      return;
    }
    try {
      const document = importReview(text);
      const bySource = new Map<string, WorkRow[]>();
      for (const row of rows) {
        const key = normalize(row.source);
        bySource.set(key, [...(bySource.get(key) ?? []), row]);
      }
      const incoming: ImportedRow[] = [];
      let skipped = 0;
      for (const segment of document.segments) {
        const candidates = bySource.get(normalize(segment.source));
        const row = candidates?.shift();
        if (!row) {
          skipped++;
          continue;
        }
        incoming.push({
          index: row.index,
          core: { target: segment.target, status: segment.status, comments: segment.comments },
          mt: segment.mt ?? row.mt,
          mtOrigin: segment.mtOrigin ?? row.mtOrigin,
          timeSpentMs: segment.timeSpentMs,
        });
      }
      onImported(incoming, skipped);
    } catch (error) {
      const code: ImportErrorCode | null = error instanceof ReviewImportError ? error.code : null;
      onError(code ? t(`import.errors.${code}`) : t('import.errors.not-xml'));
    }
  };

  return (
    <label className="button button--small file-button" htmlFor={inputId}>
      {t('toolbar.import')}
      <input
        id={inputId}
        type="file"
        className="visually-hidden"
        accept=".xlf,.xliff,.xml,application/xliff+xml,application/xml,text/xml"
        data-review-import
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void read(file);
        }}
      />
    </label>
  );
}
