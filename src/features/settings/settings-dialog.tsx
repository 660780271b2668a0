import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { useLanguageNames } from '../../components/use-language-names';
import { BUILT_IN_CONFIG, isHttpUrl } from '../../domain/config/runtime-config';
import {
  PROVIDER_IDS,
  createProvider,
  isProviderId,
  providerDefinitions,
  type ProviderField,
  type ProviderId,
} from '../../domain/providers/registry';
import type { ProviderSettings } from '../../domain/providers/types';
import { languagePairsQuery, providerQuery, resolveEngine } from '../../lib/engine';
import { providerErrorKey } from '../../lib/error-messages';
import { UI_LANGUAGES, isUiLanguage } from '../../lib/i18n';
import { usePreferences } from '../../lib/preferences';
import { runtimeConfigQuery } from '../../lib/runtime-config';

type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; count: number }
  | { status: 'failed'; error: unknown };

const FIELD_TYPES: Record<ProviderField, string> = {
  endpoint: 'url',
  apiKey: 'password',
  model: 'text',
  region: 'text',
};

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['common', 'providers']);
  const names = useLanguageNames();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formId = useId();
  const preferences = usePreferences();
  const config = useQuery(runtimeConfigQuery).data?.config ?? BUILT_IN_CONFIG;

  const [providerId, setProviderId] = useState<ProviderId>(
    preferences.providerId ?? config.defaultProvider,
  );
  const [fields, setFields] = useState<ProviderSettings>(() => ({
    ...preferences.providerSettings[providerId],
  }));
  const [targetLanguage, setTargetLanguage] = useState(preferences.targetLanguage ?? '');
  const [test, setTest] = useState<TestState>({ status: 'idle' });

  const deploymentDefaults = resolveEngine({ providerId, providerSettings: {} }, config).settings;
  const engine = resolveEngine({ providerId, providerSettings: { [providerId]: fields } }, config);
  const provider = useQuery(providerQuery(engine)).data;
  const pairs = useQuery(languagePairsQuery(provider)).data;
  const targets = useMemo(
    () =>
      [...new Set((pairs ?? []).map((pair) => pair.to))].sort((a, b) =>
        names(a).localeCompare(names(b)),
      ),
    [pairs, names],
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const endpointInvalid =
    fields.endpoint !== undefined && fields.endpoint.trim() !== '' && !isHttpUrl(fields.endpoint);

  const save = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (endpointInvalid) return;
    // Choosing the deployment's engine follows the deployment if it later changes.
    preferences.setProvider((providerId as string) === config.defaultProvider ? null : providerId);
    preferences.setProviderSettings(providerId, fields);
    preferences.setTargetLanguage(targetLanguage === '' ? null : targetLanguage);
    onClose();
  };

  const testConnection = async () => {
    setTest({ status: 'testing' });
    try {
      const instance = await createProvider(providerId, engine.settings);
      const found = await instance.listPairs();
      setTest({ status: 'ok', count: found.length });
    } catch (error) {
      setTest({ status: 'failed', error });
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${formId}-title`}
      onClose={onClose}
      onCancel={onClose}
    >
      <form className="dialog__form" onSubmit={save}>
        <header className="dialog__header">
          <h2 id={`${formId}-title`}>{t('settings.title')}</h2>
        </header>

        <div className="field">
          <label htmlFor={`${formId}-ui`}>{t('uiLanguage.label')}</label>
          <select
            id={`${formId}-ui`}
            name="uiLanguage"
            value={preferences.uiLanguage}
            onChange={(event) => {
              if (isUiLanguage(event.target.value)) preferences.setUiLanguage(event.target.value);
            }}
          >
            {UI_LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {new Intl.DisplayNames([language], { type: 'language' }).of(language)}
              </option>
            ))}
          </select>
        </div>

        <div className="field">
          <label htmlFor={`${formId}-provider`}>{t('settings.provider')}</label>
          <select
            id={`${formId}-provider`}
            name="provider"
            value={providerId}
            onChange={(event) => {
              if (!isProviderId(event.target.value)) return;
              setProviderId(event.target.value);
              setFields({ ...preferences.providerSettings[event.target.value] });
              setTest({ status: 'idle' });
            }}
          >
            {PROVIDER_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`providers:${id}.name`)}
              </option>
            ))}
          </select>
          <p className="field__hint">{t(`providers:${providerId}.description`)}</p>
        </div>

        {providerDefinitions[providerId].fields.map((field: ProviderField) => (
          <div className="field" key={field}>
            <label htmlFor={`${formId}-${field}`}>
              {t(`settings.${field}` as 'settings.endpoint')}
            </label>
            <input
              id={`${formId}-${field}`}
              name={field}
              type={FIELD_TYPES[field]}
              inputMode={field === 'endpoint' ? 'url' : undefined}
              autoComplete="off"
              spellCheck={false}
              value={fields[field] ?? ''}
              placeholder={deploymentDefaults[field] ?? ''}
              aria-invalid={field === 'endpoint' && endpointInvalid}
              aria-describedby={`${formId}-${field}-hint`}
              onChange={(event) => {
                setFields((current) => ({ ...current, [field]: event.target.value }));
                setTest({ status: 'idle' });
              }}
            />
            <p className="field__hint" id={`${formId}-${field}-hint`}>
              {field === 'endpoint' && endpointInvalid
                ? t('settings.endpointInvalid')
                : t('settings.endpointHint', { endpoint: deploymentDefaults.endpoint ?? '' })}
            </p>
          </div>
        ))}

        <div className="field field--inline">
          <button
            type="button"
            className="button"
            onClick={() => void testConnection()}
            disabled={endpointInvalid}
          >
            {t('settings.test')}
          </button>
          <TestResult state={test} />
        </div>

        <div className="field">
          <label htmlFor={`${formId}-target`}>{t('settings.targetLanguage')}</label>
          <select
            id={`${formId}-target`}
            name="targetLanguage"
            value={targetLanguage}
            onChange={(event) => setTargetLanguage(event.target.value)}
          >
            <option value="">{t('reader.toolbar.targetNone')}</option>
            {targetLanguage !== '' && !targets.includes(targetLanguage) ? (
              <option value={targetLanguage}>{names(targetLanguage)}</option>
            ) : null}
            {targets.map((tag) => (
              <option key={tag} value={tag}>
                {names(tag)}
              </option>
            ))}
          </select>
        </div>

        <footer className="dialog__footer">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              preferences.resetProviderSettings(providerId);
              setFields({});
              setTest({ status: 'idle' });
            }}
          >
            {t('settings.reset')}
          </button>
          <span className="dialog__spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={endpointInvalid}>
            {t('settings.save')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

function TestResult({ state }: { state: TestState }) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'idle':
      return null;
    case 'testing':
      return <span role="status">{t('settings.testing')}</span>;
    case 'ok':
      return <Notice tone="success">{t('settings.testOk', { count: state.count })}</Notice>;
    case 'failed':
      return (
        <Notice tone="error">
          {t('settings.testFailed', { reason: t(providerErrorKey(state.error)) })}
        </Notice>
      );
  }
}
