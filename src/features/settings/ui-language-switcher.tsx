import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../lib/i18n';
import { usePreferences } from '../../lib/preferences';

/** Each language named in itself, so a reader who cannot read the current UI can still find theirs. */
function endonym(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

export function UiLanguageSwitcher() {
  const { t } = useTranslation();
  const uiLanguage = usePreferences((state) => state.uiLanguage);
  const setUiLanguage = usePreferences((state) => state.setUiLanguage);
  return (
    <div className="segmented" role="group" aria-label={t('uiLanguage.label')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented__option"
          aria-pressed={uiLanguage === language}
          onClick={() => setUiLanguage(language)}
        >
          {endonym(language)}
        </button>
      ))}
    </div>
  );
}
