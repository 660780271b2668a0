import type { TFunction } from 'i18next';
import { MAX_FILE_BYTES, OpenArticleError } from '../../lib/articles';
import { formatBytes } from '../../lib/format';

/** A localized sentence for why an article could not be opened, naming the file when there is one. */
export function openErrorMessage(error: unknown, t: TFunction, locale: string): string {
  if (!(error instanceof OpenArticleError)) return t('errors.unexpected');
  const name = error.fileName ?? '';
  const size = formatBytes(error.size ?? 0, locale);
  const limit = formatBytes(MAX_FILE_BYTES, locale);
  switch (error.reason) {
    case 'empty':
      return error.fileName ? t('errors.file.noContent', { name }) : t('start.paste.empty');
    case 'no-content':
      return error.fileName ? t('errors.file.noContent', { name }) : t('errors.link.noContent');
    case 'binary':
      return t('errors.file.binary', { name });
    case 'too-large':
      return t('errors.file.tooLarge', { name, size, limit });
    case 'undecodable':
      return t('errors.file.undecodable', { name });
    case 'unsupported-type':
      return t('errors.file.unsupportedType', { name });
    case 'read-failed':
      return t('errors.file.readFailed', { name });
    case 'not-xliff':
      return t('errors.file.notXliff', { name });
  }
}
