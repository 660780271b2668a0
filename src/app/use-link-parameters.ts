/**
 * The share-target and deep-link parameters (`?text=…&title=…&url=…&to=…&view=…`). `to` and
 * `view` become the reader's choices; `text` opens (or reopens) that article, after which the
 * address becomes `?doc=<id>` so a reload reads the saved article instead of the long text (when
 * the browser refuses storage, the reader says that this article will not survive a reload).
 */
import type { ParseKeys } from 'i18next';
import { useEffect, useState } from 'react';
import { openArticle } from '../lib/articles';
import { navigate } from '../lib/location';
import { isViewMode, usePreferences } from '../lib/preferences';

export type LinkState =
  | { status: 'idle'; persisted: boolean }
  | { status: 'opening'; persisted: boolean }
  | { status: 'failed'; persisted: boolean; messageKey: ParseKeys };

interface Outcome {
  search: string;
  failed: boolean;
  persisted: boolean;
}

export function useLinkParameters(search: string): LinkState {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const params = new URLSearchParams(search);
    const to = params.get('to');
    const view = params.get('view');
    const preferences = usePreferences.getState();
    if (to !== null) preferences.setTargetLanguage(canonicalTag(to));
    if (isViewMode(view)) preferences.setView(view);

    const text = params.get('text');
    if (text === null) {
      // Applied once: later choices in the UI must not be undone by a stale address on reload.
      if (to !== null || view !== null) {
        const rest = Object.fromEntries(
          [...params].filter(([key]) => key !== 'to' && key !== 'view'),
        );
        navigate(rest, { replace: true });
      }
      return;
    }

    let cancelled = false;
    openArticle({ kind: 'link', text, title: params.get('title'), url: params.get('url') })
      .then(({ id, persisted }) => {
        if (cancelled) return;
        setOutcome({ search, failed: false, persisted });
        navigate({ doc: id }, { replace: true });
      })
      .catch(() => {
        if (!cancelled) setOutcome({ search, failed: true, persisted: true });
      });
    return () => {
      cancelled = true;
    };
  }, [search]);

  const params = new URLSearchParams(search);
  const persisted = outcome?.persisted ?? true;
  if (params.has('text')) {
    if (outcome?.search !== search) return { status: 'opening', persisted };
    if (outcome.failed) return { status: 'failed', persisted, messageKey: 'errors.link.noContent' };
  } else if (params.has('url') && !params.has('doc')) {
    return { status: 'failed', persisted, messageKey: 'errors.link.onlyUrl' };
  }
  return { status: 'idle', persisted };
}

function canonicalTag(tag: string): string | null {
  if (tag.trim() === '') return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}
