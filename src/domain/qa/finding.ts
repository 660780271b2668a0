import type { QaCheckId, QaFinding } from '../review/types';

/**
 * Errors break the meaning or a link the reader relies on; warnings are style and likely
 * slips that a reviewer may accept on purpose.
 */
export const QA_CHECK_SEVERITY: Readonly<Record<QaCheckId, QaFinding['severity']>> = {
  empty: 'error',
  untranslated: 'warning',
  numbers: 'error',
  urls: 'error',
  emails: 'error',
  'end-punctuation': 'warning',
  whitespace: 'warning',
  'double-spaces': 'warning',
  'repeated-words': 'warning',
  'length-ratio': 'warning',
  brackets: 'warning',
  quotes: 'warning',
  glossary: 'warning',
  'do-not-translate': 'error',
};

export function finding(check: QaCheckId, params?: Record<string, string | number>): QaFinding {
  const severity = QA_CHECK_SEVERITY[check];
  return params ? { check, severity, params } : { check, severity };
}
