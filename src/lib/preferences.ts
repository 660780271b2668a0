/**
 * What the reader chose: UI language, target language, view, engine and its settings. Client state
 * only (zustand), persisted in localStorage with a version and a migration, so a reload keeps the
 * choices and an old shape never breaks a new build.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { isProviderId, type ProviderId } from '../domain/providers/registry';
import type { ProviderSettings } from '../domain/providers/types';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, type UiLanguage } from './i18n';

export const VIEW_MODES = ['original', 'translation', 'bilingual', 'review'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

export function isViewMode(value: unknown): value is ViewMode {
  return typeof value === 'string' && (VIEW_MODES as readonly string[]).includes(value);
}

export interface Preferences {
  uiLanguage: UiLanguage;
  /** BCP 47; null falls back to config.json's default, then to none. */
  targetLanguage: string | null;
  view: ViewMode;
  /** null follows config.json's default engine. */
  providerId: ProviderId | null;
  /** The reader's own engine settings; they override config.json. */
  providerSettings: Partial<Record<ProviderId, ProviderSettings>>;
  /** Asked for a paragraph when the main engine fails on it; null for none. */
  fallbackProviderId: ProviderId | null;
  /** The name comments are signed with in the review view; null until the reviewer picks one. */
  reviewer: string | null;
  /** Names used before on this browser, offered when choosing who comments. */
  reviewers: string[];
}

interface PreferencesActions {
  setUiLanguage: (language: UiLanguage) => void;
  setTargetLanguage: (language: string | null) => void;
  setView: (view: ViewMode) => void;
  setProvider: (id: ProviderId | null) => void;
  setProviderSettings: (id: ProviderId, settings: ProviderSettings) => void;
  resetProviderSettings: (id: ProviderId) => void;
  setFallbackProvider: (id: ProviderId | null) => void;
  /** Removes every key the reader entered, for every engine. */
  forgetKeys: () => void;
  /** Signs comments with this name from now on (and remembers it among the known names). */
  setReviewer: (name: string | null) => void;
}

export const PREFERENCES_STORAGE_KEY = 'interlinear:preferences';
const PREFERENCES_VERSION = 1;

export const DEFAULT_PREFERENCES: Preferences = {
  uiLanguage: DEFAULT_UI_LANGUAGE,
  targetLanguage: null,
  view: 'bilingual',
  providerId: null,
  providerSettings: {},
  fallbackProviderId: null,
  reviewer: null,
  reviewers: [],
};

/** Accepts whatever was stored and keeps only what is still valid. */
export function migratePreferences(persisted: unknown): Preferences {
  const stored = (typeof persisted === 'object' && persisted !== null ? persisted : {}) as Record<
    string,
    unknown
  >;
  const providerSettings: Preferences['providerSettings'] = {};
  if (typeof stored.providerSettings === 'object' && stored.providerSettings !== null) {
    for (const [id, settings] of Object.entries(stored.providerSettings)) {
      if (isProviderId(id) && typeof settings === 'object' && settings !== null) {
        providerSettings[id] = pickSettings(settings as Record<string, unknown>);
      }
    }
  }
  return {
    uiLanguage: isUiLanguage(stored.uiLanguage)
      ? stored.uiLanguage
      : DEFAULT_PREFERENCES.uiLanguage,
    targetLanguage: typeof stored.targetLanguage === 'string' ? stored.targetLanguage : null,
    view: isViewMode(stored.view) ? stored.view : DEFAULT_PREFERENCES.view,
    providerId: isProviderId(stored.providerId) ? stored.providerId : null,
    providerSettings,
    fallbackProviderId: isProviderId(stored.fallbackProviderId) ? stored.fallbackProviderId : null,
    reviewer:
      typeof stored.reviewer === 'string' && stored.reviewer.trim() !== ''
        ? stored.reviewer.trim()
        : null,
    reviewers: Array.isArray(stored.reviewers)
      ? stored.reviewers.filter((name): name is string => typeof name === 'string').slice(0, 20)
      : [],
  };
}

function pickSettings(raw: Record<string, unknown>): ProviderSettings {
  const settings: ProviderSettings = {};
  for (const key of ['endpoint', 'apiKey', 'model', 'region'] as const) {
    const value = raw[key];
    if (typeof value === 'string') settings[key] = value;
  }
  return settings;
}

export const usePreferences = create<Preferences & PreferencesActions>()(
  persist(
    (set) => ({
      ...DEFAULT_PREFERENCES,
      setUiLanguage: (uiLanguage) => set({ uiLanguage }),
      setTargetLanguage: (targetLanguage) => set({ targetLanguage }),
      setView: (view) => set({ view }),
      setProvider: (providerId) => set({ providerId }),
      setProviderSettings: (id, settings) =>
        set((state) => ({
          providerSettings: { ...state.providerSettings, [id]: pickSettings({ ...settings }) },
        })),
      resetProviderSettings: (id) =>
        set((state) => ({
          providerSettings: Object.fromEntries(
            Object.entries(state.providerSettings).filter(([key]) => key !== id),
          ),
        })),
      setFallbackProvider: (fallbackProviderId) => set({ fallbackProviderId }),
      setReviewer: (name) =>
        set((state) => {
          const reviewer = name?.trim() || null;
          return {
            reviewer,
            reviewers: reviewer
              ? [reviewer, ...state.reviewers.filter((known) => known !== reviewer)].slice(0, 20)
              : state.reviewers,
          };
        }),
      forgetKeys: () =>
        set((state) => ({
          providerSettings: Object.fromEntries(
            Object.entries(state.providerSettings).map(([id, settings]) => [
              id,
              Object.fromEntries(Object.entries(settings).filter(([field]) => field !== 'apiKey')),
            ]),
          ),
        })),
    }),
    {
      name: PREFERENCES_STORAGE_KEY,
      version: PREFERENCES_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: ({
        uiLanguage,
        targetLanguage,
        view,
        providerId,
        providerSettings,
        fallbackProviderId,
        reviewer,
        reviewers,
      }) => ({
        uiLanguage,
        targetLanguage,
        view,
        providerId,
        providerSettings,
        fallbackProviderId,
        reviewer,
        reviewers,
      }),
      migrate: (persisted) => migratePreferences(persisted),
      merge: (persisted, current) => ({ ...current, ...migratePreferences(persisted) }),
    },
  ),
);

/** The UI language stored before React mounts, so the first paint is already in it. */
export function storedUiLanguage(): UiLanguage {
  return usePreferences.getState().uiLanguage;
}
