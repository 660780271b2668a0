import type { ParseKeys } from 'i18next';
import { isProviderError } from '../domain/providers/types';

/** The UI message key for why a translation or engine call failed. */
export function providerErrorKey(error: unknown): ParseKeys {
  if (isProviderError(error)) return `providerErrors.${error.kind}`;
  if (error instanceof DOMException && error.name === 'AbortError') return 'providerErrors.aborted';
  return 'providerErrors.unknown';
}
