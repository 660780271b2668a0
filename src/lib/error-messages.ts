import type { ParseKeys } from 'i18next';
import { isProviderError, type ProviderErrorKind } from '../domain/providers/types';

/** The UI message key for a kind of engine failure. */
export function providerErrorKindKey(kind: ProviderErrorKind): ParseKeys {
  return `providerErrors.${kind}`;
}

/** The UI message key for why a translation or engine call failed. */
export function providerErrorKey(error: unknown): ParseKeys {
  if (isProviderError(error)) return providerErrorKindKey(error.kind);
  if (error instanceof DOMException && error.name === 'AbortError') return 'providerErrors.aborted';
  return 'providerErrors.unknown';
}
