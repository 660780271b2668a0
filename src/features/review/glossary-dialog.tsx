import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { parseGlossaryCsv } from '../../domain/review/glossary-csv';
import type { Glossary, GlossaryTerm } from '../../domain/review/types';
import { glossaryQuery, saveGlossary } from '../../lib/review-store';
import { Modal } from './modal';

interface GlossaryDialogProps {
  sourceLanguage: string;
  targetLanguage: string;
  onClose: () => void;
}

/** The language pair's glossary: term pairs and do-not-translate terms, editable and importable. */
export function GlossaryDialog(props: GlossaryDialogProps) {
  const stored = useQuery(glossaryQuery(props.sourceLanguage, props.targetLanguage));
  if (!stored.data) return null;
  return <GlossaryEditor {...props} initial={stored.data} />;
}

function GlossaryEditor({
  sourceLanguage,
  targetLanguage,
  onClose,
  initial,
}: GlossaryDialogProps & { initial: Glossary }) {
  const { t } = useTranslation('review');
  const queryClient = useQueryClient();
  const [terms, setTerms] = useState<GlossaryTerm[]>(initial.terms);
  const [dnt, setDnt] = useState(initial.doNotTranslate.join('\n'));
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const csvId = useId();
  const dntId = useId();

  const update = (i: number, patch: Partial<GlossaryTerm>) =>
    setTerms((list) => list.map((term, j) => (j === i ? { ...term, ...patch } : term)));

  const save = async () => {
    const glossary: Glossary = {
      sourceLanguage,
      targetLanguage,
      terms: terms
        .map((term) => ({ ...term, source: term.source.trim(), target: term.target.trim() }))
        .filter((term) => term.source !== ''),
      doNotTranslate: [
        ...new Set(
          dnt
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        ),
      ],
    };
    try {
      await saveGlossary(glossary);
    } catch {
      // Quota or storage unavailable: the terms stay in the dialog, and the reviewer is told.
      setNotice({ tone: 'warning', text: t('glossary.saveFailed') });
      return;
    }
    queryClient.setQueryData(glossaryQuery(sourceLanguage, targetLanguage).queryKey, glossary);
    onClose();
  };

  const importCsv = async (file: File) => {
    const parsed = parseGlossaryCsv(await file.text());
    setTerms((list) => [...list, ...parsed.terms]);
    setDnt((text) => [text, ...parsed.doNotTranslate].filter(Boolean).join('\n'));
    const done = t('glossary.importDone', {
      terms: parsed.terms.length,
      dnt: parsed.doNotTranslate.length,
    });
    setNotice(
      parsed.errors.length > 0
        ? {
            tone: 'warning',
            text: `${done} ${t('glossary.importErrors', { lines: parsed.errors.map((error) => error.line).join(', ') })}`,
          }
        : { tone: 'success', text: done },
    );
  };

  return (
    <Modal
      title={t('glossary.title', { pair: `${sourceLanguage} → ${targetLanguage}` })}
      closeLabel={t('glossary.close')}
      onClose={onClose}
      className="dialog--wide"
    >
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {terms.length === 0 ? <p className="muted">{t('glossary.empty')}</p> : null}
      <table className="glossary-table">
        <thead>
          <tr>
            <th scope="col">{t('glossary.source')}</th>
            <th scope="col">{t('glossary.target')}</th>
            <th scope="col">{t('glossary.note')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('glossary.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={t('glossary.source')}
                  lang={sourceLanguage}
                  value={term.source}
                  onChange={(event) => update(i, { source: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('glossary.target')}
                  lang={targetLanguage}
                  value={term.target}
                  onChange={(event) => update(i, { target: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('glossary.note')}
                  value={term.note ?? ''}
                  onChange={(event) => update(i, { note: event.target.value || undefined })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => setTerms((list) => list.filter((_, j) => j !== i))}
                >
                  {t('glossary.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__row">
        <button
          type="button"
          className="button button--small"
          onClick={() => setTerms((list) => [...list, { source: '', target: '' }])}
        >
          {t('glossary.add')}
        </button>
        <label className="button button--small file-button" htmlFor={csvId}>
          {t('glossary.importCsv')}
          <input
            id={csvId}
            type="file"
            className="visually-hidden"
            accept=".csv,.tsv,.txt,text/csv"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importCsv(file);
            }}
          />
        </label>
      </div>
      <label htmlFor={dntId} className="field__label">
        {t('glossary.doNotTranslate')}
      </label>
      <p className="muted">{t('glossary.doNotTranslateHint')}</p>
      <textarea
        id={dntId}
        className="glossary-dnt"
        rows={4}
        lang={sourceLanguage}
        value={dnt}
        onChange={(event) => setDnt(event.target.value)}
      />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {t('glossary.save')}
        </button>
      </div>
    </Modal>
  );
}
