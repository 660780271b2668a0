import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Names languages in the UI language (`es` → "스페인어" in Korean UI, "Spanish" in English UI). */
export function useLanguageNames(): (tag: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    } catch {
      names = null;
    }
    return (tag: string) => {
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
  }, [language]);
}
