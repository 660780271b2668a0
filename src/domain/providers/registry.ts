/**
 * The list of engines. The provider-id type is derived from this list, so adding an engine is one
 * entry here plus its own file; each engine's code loads only when it is first used.
 */
import type { ProviderSettings, TranslationProvider } from './types';

export type ProviderField = keyof ProviderSettings;

/** How the settings present an engine; `testing` engines are labelled as such and never a default. */
export type ProviderCategory = 'local' | 'cloud' | 'browser' | 'testing';

export interface ProviderDefinition {
  readonly category: ProviderCategory;
  /** The settings fields this engine takes, in the order the settings form shows them. */
  readonly fields: readonly ProviderField[];
  /** Fields that must be filled (after defaults) before the engine can be used. */
  readonly requiredFields: readonly ProviderField[];
  /** Built-in defaults; config.json and then the user's own settings override them. */
  readonly defaults: Readonly<ProviderSettings>;
  /** Loads the engine's code on demand. */
  readonly load: () => Promise<(settings: ProviderSettings) => TranslationProvider>;
}

export const providerDefinitions = {
  apertium: {
    category: 'local',
    fields: ['endpoint'],
    requiredFields: ['endpoint'],
    defaults: { endpoint: 'http://localhost:2737' },
    load: () => import('./apertium').then((module) => module.createApertiumProvider),
  },
  libretranslate: {
    category: 'local',
    fields: ['endpoint', 'apiKey'],
    requiredFields: ['endpoint'],
    // LibreTranslate's own default port, for an instance on this computer.
    defaults: { endpoint: 'http://localhost:5000' },
    load: () => import('./libretranslate').then((module) => module.createLibreTranslateProvider),
  },
  deepl: {
    category: 'cloud',
    fields: ['endpoint', 'apiKey'],
    // DeepL refuses browsers, so the endpoint is the user's own proxy: there is no default.
    requiredFields: ['endpoint', 'apiKey'],
    defaults: {},
    load: () => import('./deepl').then((module) => module.createDeepLProvider),
  },
  google: {
    category: 'cloud',
    fields: ['apiKey', 'endpoint'],
    requiredFields: ['endpoint', 'apiKey'],
    defaults: { endpoint: 'https://translation.googleapis.com' },
    load: () => import('./google').then((module) => module.createGoogleProvider),
  },
  azure: {
    category: 'cloud',
    fields: ['apiKey', 'region', 'endpoint'],
    requiredFields: ['endpoint', 'apiKey'],
    defaults: { endpoint: 'https://api.cognitive.microsofttranslator.com' },
    load: () => import('./azure').then((module) => module.createAzureProvider),
  },
  openai: {
    category: 'local',
    fields: ['endpoint', 'model', 'apiKey'],
    requiredFields: ['endpoint', 'model'],
    // Ollama on this computer; any OpenAI-compatible server works.
    defaults: { endpoint: 'http://localhost:11434' },
    load: () => import('./openai').then((module) => module.createOpenAIProvider),
  },
  chrome: {
    category: 'browser',
    fields: [],
    requiredFields: [],
    defaults: {},
    load: () =>
      import('./chrome-translator').then((module) => module.createChromeTranslatorProvider),
  },
  pseudo: {
    category: 'testing',
    fields: [],
    requiredFields: [],
    defaults: {},
    load: () => import('./pseudo').then((module) => module.createPseudoProvider),
  },
} as const satisfies Record<string, ProviderDefinition>;

export type ProviderId = keyof typeof providerDefinitions;

export const PROVIDER_IDS = Object.keys(providerDefinitions) as ProviderId[];

export const DEFAULT_PROVIDER_ID: ProviderId = 'apertium';

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && Object.hasOwn(providerDefinitions, value);
}

/** Whether every field the engine needs has a value once defaults are applied. */
export function isConfigured(id: ProviderId, settings: ProviderSettings): boolean {
  const definition: ProviderDefinition = providerDefinitions[id];
  const merged = { ...definition.defaults, ...settings };
  return definition.requiredFields.every((field) => (merged[field]?.trim() ?? '') !== '');
}

export async function createProvider(
  id: ProviderId,
  settings: ProviderSettings,
): Promise<TranslationProvider> {
  const definition: ProviderDefinition = providerDefinitions[id];
  const create = await definition.load();
  return create({ ...definition.defaults, ...settings });
}
