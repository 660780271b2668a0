import { useTranslation } from 'react-i18next';
import type { RemovedLine } from '../../domain/article/types';

/** What reconstruction kept out of the body and why, so nothing disappears without a trace. */
export function RemovedChrome({
  removed,
  sourceLanguage,
}: {
  removed: readonly RemovedLine[];
  sourceLanguage: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <details className="removed-chrome">
      <summary>{t('reader.removed.summary', { count: removed.length })}</summary>
      <ul>
        {removed.map((line, index) => (
          <li key={index}>
            <span className="removed-chrome__reason">
              {t(`reader.removed.reason.${line.reason}`)}
            </span>
            <span
              className="removed-chrome__text"
              lang={/\p{Script=Hangul}/u.test(line.text) ? 'ko' : sourceLanguage}
            >
              {line.text}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
