import { useQuery } from '@tanstack/react-query';
import { BUILT_IN_CONFIG } from '../../domain/config/runtime-config';
import { PROVIDER_IDS, isConfigured, type ProviderId } from '../../domain/providers/registry';
import { resolveEngine } from '../../lib/engine';
import { usePreferences } from '../../lib/preferences';
import { runtimeConfigQuery } from '../../lib/runtime-config';

/** Engines with everything they need filled in (by the reader or the deployment), in registry order. */
export function useConfiguredEngines(): ProviderId[] {
  const providerSettings = usePreferences((state) => state.providerSettings);
  const config = useQuery(runtimeConfigQuery).data?.config ?? BUILT_IN_CONFIG;
  return PROVIDER_IDS.filter((id) => {
    const { settings } = resolveEngine({ providerId: id, providerSettings }, config);
    return isConfigured(id, settings);
  });
}
