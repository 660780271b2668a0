import type { QueryClient } from '@tanstack/react-query';
import { BUILT_IN_CONFIG } from '../domain/config/runtime-config';
import { isConfigured } from '../domain/providers/registry';
import { languagePairsQuery, providerQuery, resolveEngine } from '../lib/engine';
import { usePreferences } from '../lib/preferences';
import { runtimeConfigQuery } from '../lib/runtime-config';

/**
 * Resolves the reader's engine ahead of the reader: its code, its instance and its language pairs
 * (the same queries the reader's own engine hooks use). Started the moment an article is on its
 * way (pointer or focus on the open cards, a file chosen, dropped or launched, a link opened), so
 * the engine loads while the article is read and rebuilt, and the reader has its route on its
 * first render: the first translation request leaves with the first rows on screen.
 */
export async function warmEngine(queryClient: QueryClient): Promise<void> {
  const loaded = await queryClient.query(runtimeConfigQuery).catch(() => null);
  const choice = resolveEngine(usePreferences.getState(), loaded?.config ?? BUILT_IN_CONFIG);
  if (!isConfigured(choice.providerId, choice.settings)) return;
  const provider = await queryClient.query(providerQuery(choice));
  await queryClient.query(languagePairsQuery(provider));
}
