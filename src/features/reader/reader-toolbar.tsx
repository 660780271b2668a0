import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageNames } from '../../components/use-language-names';
import { VIEW_MODES, usePreferences } from '../../lib/preferences';
import type { TranslationPlan } from './use-translation-plan';

interface ReaderToolbarProps {
  plan: TranslationPlan;
  detectedLanguage: string | null;
  sourceOverride: string | null;
  onSourceChange: (language: string | null) => void;
  /** Opens or closes find in the article; without it there is no find button. */
  onFind?: () => void;
  findOpen?: boolean;
  findBarId?: string;
  /** The find bar, shown under the toolbar's controls and pinned with them. */
  children?: ReactNode;
}

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

export function ReaderToolbar({
  plan,
  detectedLanguage,
  sourceOverride,
  onSourceChange,
  onFind,
  findOpen = false,
  findBarId,
  children,
}: ReaderToolbarProps) {
  const { t } = useTranslation(['common', 'providers']);
  const names = useLanguageNames();
  const ids = useId();
  const view = usePreferences((state) => state.view);
  const setView = usePreferences((state) => state.setView);
  const setTargetLanguage = usePreferences((state) => state.setTargetLanguage);

  const sourceOptions = [...new Set([...plan.sources, ...(sourceOverride ? [sourceOverride] : [])])]
    .filter((tag) => tag !== detectedLanguage || sourceOverride !== null)
    .sort((a, b) => names(a).localeCompare(names(b)));
  const targetOptions = [...plan.targets];
  if (plan.target && !targetOptions.includes(plan.target) && plan.route?.to !== plan.target) {
    targetOptions.push(plan.target);
  }
  const targetValue = plan.route?.to ?? plan.target ?? '';

  return (
    <section className="toolbar" aria-label={t('reader.toolbar.label')}>
      <div className="toolbar__languages">
        <div className="field field--compact">
          <label htmlFor={`${ids}-source`}>{t('reader.toolbar.source')}</label>
          <select
            id={`${ids}-source`}
            name="sourceLanguage"
            value={sourceOverride ?? ''}
            onChange={(event) =>
              onSourceChange(event.target.value === '' ? null : event.target.value)
            }
          >
            <option value="">
              {detectedLanguage
                ? t('reader.toolbar.sourceDetected', { language: names(detectedLanguage) })
                : t('reader.toolbar.sourceUnknown')}
            </option>
            {sourceOptions.map((tag) => (
              <option key={tag} value={tag}>
                {names(tag)}
              </option>
            ))}
          </select>
        </div>
        <span className="toolbar__arrow" aria-hidden="true" />
        <div className="field field--compact">
          <label htmlFor={`${ids}-target`}>{t('reader.toolbar.target')}</label>
          <select
            id={`${ids}-target`}
            name="targetLanguage"
            value={targetValue}
            onChange={(event) =>
              setTargetLanguage(event.target.value === '' ? null : event.target.value)
            }
          >
            <option value="">{t('reader.toolbar.targetNone')}</option>
            {targetOptions.map((tag) => (
              <option key={tag} value={tag}>
                {names(tag)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="segmented toolbar__views">
        <legend className="visually-hidden">{t('reader.view.label')}</legend>
        {VIEW_MODES.map((mode) => (
          <label key={mode} className="segmented__option">
            <input
              type="radio"
              name="view"
              value={mode}
              checked={view === mode}
              onChange={() => setView(mode)}
              className="visually-hidden"
            />
            <span>{t(`reader.view.${mode}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="toolbar__engine muted">
        {t('reader.toolbar.engine', { engine: t(`providers:${plan.engine.providerId}.name`) })}
      </p>
      {onFind ? (
        <button
          type="button"
          className="button toolbar__find"
          aria-label={t('reader.toolbar.find')}
          aria-expanded={findOpen}
          aria-controls={findOpen ? findBarId : undefined}
          aria-keyshortcuts="Control+F Meta+F"
          title={t('reader.toolbar.findHint', { shortcut: MAC ? '⌘F' : 'Ctrl+F' })}
          onClick={onFind}
        >
          <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path
              d="M10.5 10.5L14 14"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
        </button>
      ) : null}
      {children}
    </section>
  );
}
