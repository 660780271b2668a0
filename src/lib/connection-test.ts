/**
 * "Test connection" for the settings form: asks the engine for its pairs, then translates one short
 * sentence in a pair it offers, so a bad key, a quota, a blocked network (or CORS, which a browser
 * cannot tell apart from a network failure) and an unsupported pair each get their own answer.
 * Engines whose pair list needs no key (Azure) are only really tested by the translation.
 */
import { bestPair } from '../domain/language/pairs';
import { createProvider, type ProviderId } from '../domain/providers/registry';
import {
  toProviderError,
  type ProviderErrorKind,
  type ProviderSettings,
} from '../domain/providers/types';

export type ConnectionResult =
  | { ok: true; pairs: number; from: string; to: string }
  | { ok: false; kind: ProviderErrorKind; from?: string; to?: string };

const SAMPLE = 'The library is open until ten tonight.';

export async function testConnection(
  id: ProviderId,
  settings: ProviderSettings,
  wantedTarget: string | null,
  signal?: AbortSignal,
): Promise<ConnectionResult> {
  try {
    const provider = await createProvider(id, settings);
    const pairs = await provider.listPairs({ signal });
    if (pairs.length === 0) return { ok: false, kind: 'unsupported-pair' };
    const target =
      wantedTarget ?? pairs.find((pair) => pair.from.startsWith('en'))?.to ?? pairs[0]?.to ?? 'es';
    const pair = bestPair(pairs, 'en', target);
    if (!pair) return { ok: false, kind: 'unsupported-pair', from: 'en', to: target };
    if (provider.availability) {
      const state = await provider.availability(pair);
      if (state === 'unavailable')
        return { ok: false, kind: 'unsupported-pair', from: pair.from, to: pair.to };
      if (state !== 'available')
        return { ok: false, kind: 'not-ready', from: pair.from, to: pair.to };
    }
    await provider.translate([SAMPLE], pair.from, pair.to, { signal });
    return { ok: true, pairs: pairs.length, from: pair.from, to: pair.to };
  } catch (error) {
    return { ok: false, kind: toProviderError(error).kind };
  }
}
