/**
 * UI-language setup. Korean is the default for a fresh browser (the product's home audience);
 * English is the second UI language. Locale files load on demand, so only the active language is
 * fetched. The UI language sets `<html lang>`/`dir` and nothing else: article text carries its own
 * language on its own elements.
 */
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';

export const UI_LANGUAGES = ['ko', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'ko';
/** Loaded before the first paint: the shell and the start page. */
export const NAMESPACES = ['common'] as const;
/**
 * Loaded with the views that use them. `reading` (the reader, engine errors, sharing) and
 * `settings` hold keys that keep their full names (`reader.toolbar.…`, `settings.…`): a lookup
 * that misses in `common` falls back to them, so splitting strings for loading changes no call.
 */
export const ON_DEMAND_NAMESPACES = ['providers', 'reading', 'settings', 'review'] as const;
export type OnDemandNamespace = (typeof ON_DEMAND_NAMESPACES)[number];

export function loadNamespaces(...namespaces: OnDemandNamespace[]): Promise<void> {
  return i18next.loadNamespaces(namespaces);
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', applyDocumentLanguage);
    await i18next
      .use(initReactI18next)
      .use(
        resourcesToBackend(
          (lng: string, ns: string) =>
            import(`../../locales/${lng}/${ns}.json`) as Promise<unknown>,
        ),
      )
      .init({
        lng: language,
        // Every key exists in every locale (a test enforces it), so no fallback language is
        // loaded alongside the active one.
        fallbackLng: false,
        supportedLngs: UI_LANGUAGES,
        ns: NAMESPACES,
        defaultNS: 'common',
        fallbackNS: ['reading', 'settings'],
        interpolation: { escapeValue: false },
        returnNull: false,
        react: { useSuspense: false },
      });
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  applyDocumentLanguage(language);
  return i18next;
}

export { i18next };
