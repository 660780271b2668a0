/**
 * Loads config.json (deployment defaults) once per page. A missing file, an HTML fallback page in
 * its place, or a network error all read as "missing"; the parser decides what else is wrong.
 */
import { queryOptions } from '@tanstack/react-query';
import { parseRuntimeConfigText, type ConfigResult } from '../domain/config/runtime-config';

export const CONFIG_FILE = 'config.json';

export async function loadRuntimeConfig(): Promise<ConfigResult> {
  let text: string | null = null;
  try {
    const response = await fetch(new URL(CONFIG_FILE, document.baseURI), { cache: 'no-cache' });
    const type = response.headers.get('content-type') ?? '';
    // Static servers with an SPA fallback answer a missing file with index.html.
    if (response.ok && !type.includes('text/html')) text = await response.text();
  } catch {
    text = null;
  }
  return parseRuntimeConfigText(text);
}

export const runtimeConfigQuery = queryOptions({
  queryKey: ['runtime-config'],
  queryFn: loadRuntimeConfig,
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  networkMode: 'always',
});
