import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { useLanguageNames } from '../../components/use-language-names';
import { BUILT_IN_CONFIG, isHttpUrl } from '../../domain/config/runtime-config';
import {
  PROVIDER_IDS,
  isConfigured,
  isProviderId,
  providerDefinitions,
  type ProviderCategory,
  type ProviderField,
  type ProviderId,
} from '../../domain/providers/registry';
import type { ProviderSettings } from '../../domain/providers/types';
import { testConnection, type ConnectionResult } from '../../lib/connection-test';
import { languagePairsQuery, providerQuery, resolveEngine } from '../../lib/engine';
import { providerErrorKindKey } from '../../lib/error-messages';
import { formatBytes } from '../../lib/format';
import { UI_LANGUAGES, isUiLanguage } from '../../lib/i18n';
import { usePreferences } from '../../lib/preferences';
import { runtimeConfigQuery } from '../../lib/runtime-config';
import {
  clearCachedTranslations,
  measureTranslationCache,
} from '../../lib/storage/translation-cache';

type TestState =
  { status: 'idle' } | { status: 'testing' } | { status: 'done'; result: ConnectionResult };

const FIELD_TYPES: Record<ProviderField, string> = {
  endpoint: 'url',
  apiKey: 'password',
  model: 'text',
  region: 'text',
};

const CATEGORIES: readonly ProviderCategory[] = ['local', 'cloud', 'browser', 'testing'];

const cacheUsageQuery = {
  queryKey: ['translation-cache-usage'] as const,
  queryFn: measureTranslationCache,
  staleTime: 0,
  networkMode: 'always' as const,
};

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation(['common', 'providers']);
  const names = useLanguageNames();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formId = useId();
  const preferences = usePreferences();
  const config = useQuery(runtimeConfigQuery).data?.config ?? BUILT_IN_CONFIG;

  const [providerId, setProviderId] = useState<ProviderId>(
    preferences.providerId ?? config.defaultProvider,
  );
  const [drafts, setDrafts] = useState<Partial<Record<ProviderId, ProviderSettings>>>(() => ({
    ...preferences.providerSettings,
  }));
  const fields = drafts[providerId] ?? {};
  const [targetLanguage, setTargetLanguage] = useState(preferences.targetLanguage ?? '');
  const [fallbackId, setFallbackId] = useState<ProviderId | null>(preferences.fallbackProviderId);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [keysForgotten, setKeysForgotten] = useState(false);
  const cacheUsage = useQuery(cacheUsageQuery);

  const definition = providerDefinitions[providerId];
  const deploymentDefaults = resolveEngine({ providerId, providerSettings: {} }, config).settings;
  const engine = resolveEngine({ providerId, providerSettings: { [providerId]: fields } }, config);
  const configured = isConfigured(providerId, engine.settings);
  const provider = useQuery({ ...providerQuery(engine), enabled: configured }).data;
  const pairs = useQuery(languagePairsQuery(configured ? provider : undefined)).data;
  const targets = useMemo(
    () =>
      [...new Set((pairs ?? []).map((pair) => pair.to))].sort((a, b) =>
        names(a).localeCompare(names(b)),
      ),
    [pairs, names],
  );
  const configuredOthers = PROVIDER_IDS.filter(
    (id) =>
      id !== providerId &&
      isConfigured(
        id,
        resolveEngine({ providerId: id, providerSettings: drafts }, config).settings,
      ),
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const endpointInvalid =
    fields.endpoint !== undefined && fields.endpoint.trim() !== '' && !isHttpUrl(fields.endpoint);

  const setField = (field: ProviderField, value: string) => {
    setDrafts((current) => ({
      ...current,
      [providerId]: { ...current[providerId], [field]: value },
    }));
    setTest({ status: 'idle' });
  };

  const save = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (endpointInvalid) return;
    // Choosing the deployment's engine follows the deployment if it later changes.
    preferences.setProvider((providerId as string) === config.defaultProvider ? null : providerId);
    for (const id of PROVIDER_IDS) {
      const draft = drafts[id];
      if (draft) preferences.setProviderSettings(id, draft);
    }
    preferences.setFallbackProvider(fallbackId !== providerId ? fallbackId : null);
    preferences.setTargetLanguage(targetLanguage === '' ? null : targetLanguage);
    onClose();
  };

  const runTest = async () => {
    setTest({ status: 'testing' });
    const result = await testConnection(providerId, engine.settings, targetLanguage || null);
    setTest({ status: 'done', result });
  };

  const forgetKeys = () => {
    preferences.forgetKeys();
    setDrafts((current) =>
      Object.fromEntries(
        Object.entries(current).map(([id, settings]) => [
          id,
          Object.fromEntries(Object.entries(settings).filter(([field]) => field !== 'apiKey')),
        ]),
      ),
    );
    setKeysForgotten(true);
  };

  const clearCache = async () => {
    await clearCachedTranslations();
    queryClient.removeQueries({ queryKey: ['translation'] });
    await queryClient.invalidateQueries({ queryKey: cacheUsageQuery.queryKey });
  };

  const hint = (field: ProviderField): string => {
    if (field === 'endpoint' && endpointInvalid) return t('settings.endpointInvalid');
    const own = t(`providers:${providerId}.${field}Hint` as `providers:apertium.name`, {
      defaultValue: '',
    });
    const fallbackValue = deploymentDefaults[field];
    if (field === 'apiKey') return [own, t('settings.keyStaysHere')].filter(Boolean).join(' ');
    // An engine's own hint already says what an empty field means; otherwise name the default.
    if (!own && fallbackValue) return t('settings.defaultValue', { value: fallbackValue });
    return own;
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

        <fieldset className="fieldset">
          <legend>{t('settings.engineSection')}</legend>
          <div className="field">
            <label htmlFor={`${formId}-provider`}>{t('settings.provider')}</label>
            <select
              id={`${formId}-provider`}
              name="provider"
              value={providerId}
              onChange={(event) => {
                if (!isProviderId(event.target.value)) return;
                setProviderId(event.target.value);
                setTest({ status: 'idle' });
              }}
            >
              {CATEGORIES.map((category) => {
                const ids = PROVIDER_IDS.filter(
                  (id) => providerDefinitions[id].category === category,
                );
                if (ids.length === 0) return null;
                return (
                  <optgroup key={category} label={t(`settings.categories.${category}`)}>
                    {ids.map((id) => (
                      <option key={id} value={id}>
                        {t(`providers:${id}.name`)}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
            <p className="field__hint">{t(`providers:${providerId}.description`)}</p>
            {definition.category === 'testing' ? (
              <Notice tone="warning" live={false}>
                {t('settings.testingEngine')}
              </Notice>
            ) : null}
          </div>

          {definition.fields.map((field: ProviderField) => {
            const required = (definition.requiredFields as readonly ProviderField[]).includes(
              field,
            );
            return (
              <div className="field" key={`${providerId}-${field}`}>
                <label htmlFor={`${formId}-${field}`}>
                  {t(`settings.fields.${field}`)}
                  {required ? (
                    <span className="field__required">{t('settings.required')}</span>
                  ) : null}
                </label>
                <input
                  id={`${formId}-${field}`}
                  name={field}
                  type={FIELD_TYPES[field]}
                  inputMode={field === 'endpoint' ? 'url' : undefined}
                  autoComplete="off"
                  spellCheck={false}
                  value={fields[field] ?? ''}
                  placeholder={
                    deploymentDefaults[field] && field !== 'apiKey' ? deploymentDefaults[field] : ''
                  }
                  aria-invalid={field === 'endpoint' && endpointInvalid}
                  aria-describedby={`${formId}-${field}-hint`}
                  onChange={(event) => setField(field, event.target.value)}
                />
                <p className="field__hint" id={`${formId}-${field}-hint`}>
                  {hint(field)}
                </p>
              </div>
            );
          })}

          <div className="field field--inline">
            <button
              type="button"
              className="button"
              onClick={() => void runTest()}
              disabled={endpointInvalid || !configured || test.status === 'testing'}
            >
              {t('settings.test')}
            </button>
            {!configured ? <span className="field__hint">{t('settings.fillRequired')}</span> : null}
            <TestResult state={test} />
          </div>

          <div className="field">
            <label htmlFor={`${formId}-fallback`}>{t('settings.fallback')}</label>
            <select
              id={`${formId}-fallback`}
              name="fallbackProvider"
              value={fallbackId ?? ''}
              onChange={(event) =>
                setFallbackId(isProviderId(event.target.value) ? event.target.value : null)
              }
            >
              <option value="">{t('settings.fallbackNone')}</option>
              {configuredOthers.map((id) => (
                <option key={id} value={id}>
                  {t(`providers:${id}.name`)}
                </option>
              ))}
            </select>
            <p className="field__hint">{t('settings.fallbackHint')}</p>
          </div>
        </fieldset>

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

        <fieldset className="fieldset">
          <legend>{t('settings.storageSection')}</legend>
          <div className="field field--inline">
            <span className="settings__cache" data-cache-entries={cacheUsage.data?.entries ?? 0}>
              {cacheUsage.data
                ? t('settings.cacheUsage', {
                    count: cacheUsage.data.entries,
                    size: formatBytes(cacheUsage.data.bytes, i18n.language),
                  })
                : t('settings.cacheMeasuring')}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => void clearCache()}
              disabled={!cacheUsage.data?.entries}
            >
              {t('settings.clearCache')}
            </button>
          </div>
          <div className="field field--inline">
            <button type="button" className="button button--small" onClick={forgetKeys}>
              {t('settings.forgetKeys')}
            </button>
            {keysForgotten ? <span role="status">{t('settings.keysForgotten')}</span> : null}
          </div>
        </fieldset>

        <footer className="dialog__footer">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              preferences.resetProviderSettings(providerId);
              setDrafts((current) => ({ ...current, [providerId]: {} }));
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
  const names = useLanguageNames();
  switch (state.status) {
    case 'idle':
      return null;
    case 'testing':
      return <span role="status">{t('settings.testing')}</span>;
    case 'done': {
      const { result } = state;
      if (result.ok) {
        return (
          <Notice tone="success">{t('settings.testResult.ok', { count: result.pairs })}</Notice>
        );
      }
      const pair = { source: names(result.from ?? 'en'), target: names(result.to ?? '') };
      const message =
        result.kind === 'auth'
          ? t('settings.testResult.auth')
          : result.kind === 'quota'
            ? t('settings.testResult.quota')
            : result.kind === 'network' || result.kind === 'timeout'
              ? t('settings.testResult.network')
              : result.kind === 'unsupported-pair'
                ? t('settings.testResult.unsupportedPair', pair)
                : result.kind === 'not-ready'
                  ? t('settings.testResult.notReady', pair)
                  : t('settings.testResult.other', {
                      reason: t(providerErrorKindKey(result.kind)),
                    });
      return (
        <Notice tone="error" className="test-result" live>
          {message}
        </Notice>
      );
    }
  }
}
