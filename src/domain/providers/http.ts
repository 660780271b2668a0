/**
 * Shared fetch plumbing for HTTP engines: one timeout policy, one mapping from HTTP failures to
 * ProviderError kinds, and Retry-After parsing, so that every provider reports failures alike.
 */
import { ProviderError, toProviderError, type ProviderErrorKind } from './types';

/** How long one request may take before it counts as a timeout. */
export const REQUEST_TIMEOUT_MS = 45_000;

export function withTimeout(signal: AbortSignal | undefined, ms = REQUEST_TIMEOUT_MS): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** `Retry-After` as milliseconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402 || status === 456) return 'quota';
  if (status === 408) return 'timeout';
  if (status === 429 || status === 529) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-response';
}

/** fetch that never throws anything but ProviderError. */
export async function fetchOrThrow(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw toProviderError(error);
  }
}

/** Reads a JSON body, turning a malformed one into a `bad-response` error. */
export async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw toProviderError(error);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProviderError('bad-response', 'The engine answered with malformed JSON.', {
      status: response.status,
      cause: error,
    });
  }
}

/** Joins a base endpoint and a path without doubling or dropping slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
