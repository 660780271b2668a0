/**
 * The deployment defaults in `config.json`, served beside index.html. It is read at start-up and
 * checked field by field: a file that is missing or not JSON gives the built-in defaults; a field
 * that is wrong is dropped (its built-in default stands) and named, so the app can say exactly what
 * it ignored instead of failing or silently misbehaving.
 */
import {
  DEFAULT_PROVIDER_ID,
  isProviderId,
  providerDefinitions,
  type ProviderId,
} from '../providers/registry';
import type { ProviderSettings } from '../providers/types';

export interface RuntimeConfig {
  defaultProvider: ProviderId;
  providers: Partial<Record<ProviderId, ProviderSettings>>;
  /** BCP 47 tag; null leaves the choice to the reader. */
  defaultTargetLanguage: string | null;
}

export type ConfigProblemKind =
  | 'missing' // no file (or it could not be fetched)
  | 'not-json'
  | 'not-object'
  | 'unknown-key'
  | 'unknown-provider'
  | 'wrong-type'
  | 'invalid-url'
  | 'invalid-language';

export interface ConfigProblem {
  kind: ConfigProblemKind;
  /** Where in the file, e.g. `providers.apertium.endpoint`; empty for the whole file. */
  path: string;
}

export interface ConfigResult {
  config: RuntimeConfig;
  problems: ConfigProblem[];
}

export const BUILT_IN_CONFIG: RuntimeConfig = {
  defaultProvider: DEFAULT_PROVIDER_ID,
  providers: {},
  defaultTargetLanguage: null,
};

const SETTING_KEYS = ['endpoint', 'apiKey', 'model', 'region'] as const;
const TOP_LEVEL_KEYS = new Set([
  'defaultProvider',
  'providers',
  'defaultTargetLanguage',
  '$schema',
]);

/** Parses the text of config.json; `null` text means the file was missing. */
export function parseRuntimeConfigText(text: string | null): ConfigResult {
  if (text === null) return { config: BUILT_IN_CONFIG, problems: [{ kind: 'missing', path: '' }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { config: BUILT_IN_CONFIG, problems: [{ kind: 'not-json', path: '' }] };
  }
  return parseRuntimeConfig(json);
}

export function parseRuntimeConfig(json: unknown): ConfigResult {
  if (!isRecord(json))
    return { config: BUILT_IN_CONFIG, problems: [{ kind: 'not-object', path: '' }] };
  const problems: ConfigProblem[] = [];
  const config: RuntimeConfig = { ...BUILT_IN_CONFIG, providers: {} };

  for (const key of Object.keys(json)) {
    if (!TOP_LEVEL_KEYS.has(key)) problems.push({ kind: 'unknown-key', path: key });
  }

  if ('defaultProvider' in json) {
    if (isProviderId(json.defaultProvider)) config.defaultProvider = json.defaultProvider;
    else problems.push({ kind: 'unknown-provider', path: 'defaultProvider' });
  }

  if ('defaultTargetLanguage' in json) {
    const value = json.defaultTargetLanguage;
    if (value === null) config.defaultTargetLanguage = null;
    else if (typeof value === 'string' && isLanguageTag(value))
      config.defaultTargetLanguage = canonical(value);
    else problems.push({ kind: 'invalid-language', path: 'defaultTargetLanguage' });
  }

  if ('providers' in json) {
    const providers = json.providers;
    if (!isRecord(providers)) {
      problems.push({ kind: 'wrong-type', path: 'providers' });
    } else {
      for (const [id, raw] of Object.entries(providers)) {
        const path = `providers.${id}`;
        if (!isProviderId(id)) {
          problems.push({ kind: 'unknown-provider', path });
          continue;
        }
        if (!isRecord(raw)) {
          problems.push({ kind: 'wrong-type', path });
          continue;
        }
        config.providers[id] = parseSettings(id, raw, path, problems);
      }
    }
  }
  return { config, problems };
}

function parseSettings(
  id: ProviderId,
  raw: Record<string, unknown>,
  path: string,
  problems: ConfigProblem[],
): ProviderSettings {
  const settings: ProviderSettings = {};
  const accepted: readonly string[] = providerDefinitions[id].fields;
  for (const [key, value] of Object.entries(raw)) {
    const fieldPath = `${path}.${key}`;
    if (!(SETTING_KEYS as readonly string[]).includes(key) || !accepted.includes(key)) {
      problems.push({ kind: 'unknown-key', path: fieldPath });
      continue;
    }
    if (typeof value !== 'string') {
      problems.push({ kind: 'wrong-type', path: fieldPath });
      continue;
    }
    if (key === 'endpoint') {
      if (!isHttpUrl(value)) {
        problems.push({ kind: 'invalid-url', path: fieldPath });
        continue;
      }
      settings.endpoint = value.trim();
    } else {
      settings[key as Exclude<(typeof SETTING_KEYS)[number], 'endpoint'>] = value;
    }
  }
  return settings;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function canonical(value: string): string {
  return Intl.getCanonicalLocales(value)[0] ?? value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
