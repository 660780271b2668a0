import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../domain/formats/export';
import type { ReviewDocument, SegmentStatus } from '../../domain/review/types';

/** Written into exported files' tool fields. */
const APP_VERSION = '0.1.0';
const FORMATS: readonly ExportFormat[] = ['xliff2', 'xliff12', 'tmx', 'html', 'text', 'json'];
const STATUSES: readonly SegmentStatus[] = ['mt', 'edited', 'reviewed', 'approved', 'rejected'];

interface ExportMenuProps {
  build: () => ReviewDocument;
  onDone: (fileName: string) => void;
}

/** The export formats (loaded on demand), each a button that downloads its file. */
export function ExportMenu({ build, onDone }: ExportMenuProps) {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState(false);
  const menuId = useId();

  const download = async (format: ExportFormat) => {
    const { exportReview } = await import('../../domain/formats/export');
    const file = exportReview(build(), format, {
      labels: {
        statuses: Object.fromEntries(
          STATUSES.map((status) => [status, t(`status.${status}`)]),
        ) as Record<SegmentStatus, string>,
        source: t('columns.source'),
        target: t('columns.target'),
        comments: t('export.comments'),
        mtOrigin: t('export.mtOrigin'),
        generatedBy: t('export.generatedBy'),
      },
      appVersion: APP_VERSION,
    });
    const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setOpen(false);
    onDone(file.fileName);
  };

  return (
    <div className="export-menu">
      <button
        type="button"
        className="button button--small"
        data-export-menu
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((shown) => !shown)}
      >
        {t('toolbar.export')}
      </button>
      <ul id={menuId} className="export-menu__list" hidden={!open}>
        {FORMATS.map((format) => (
          <li key={format}>
            <button
              type="button"
              className="button button--small button--quiet"
              data-export={format}
              onClick={() => void download(format)}
            >
              {t(`export.${format}`)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
