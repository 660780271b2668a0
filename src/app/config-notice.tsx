import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import type { ConfigProblem } from '../domain/config/runtime-config';

/** Says, once and dismissibly, that config.json was missing or partly ignored. */
export function ConfigNotice({ problems }: { problems: readonly ConfigProblem[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (problems.length === 0 || dismissed) return null;
  const whole = problems.find((p) => p.path === '');
  const message =
    whole?.kind === 'missing'
      ? t('notices.config.missing')
      : whole?.kind === 'not-json'
        ? t('notices.config.notJson')
        : whole
          ? t('notices.config.notObject')
          : t('notices.config.fields', { fields: problems.map((p) => p.path).join(', ') });
  return (
    <Notice
      tone="warning"
      className="app-notice"
      actions={
        <button type="button" className="button button--quiet" onClick={() => setDismissed(true)}>
          {t('notices.dismiss')}
        </button>
      }
    >
      {message}
    </Notice>
  );
}
