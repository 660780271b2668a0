import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDraft } from '../../domain/article/types';

/** Links longer than this are refused by some share targets and chat apps; share the source instead. */
const MAX_SHARED_TEXT = 12_000;

/**
 * "이 기사를 공유합니다": shares a link that reopens this article (its text travels in the link,
 * as the share-target parameters) through the Web Share API, or copies it where that is missing.
 * Nothing but the article and the chosen language goes into the link.
 */
export function ShareButton({
  draft,
  targetLanguage,
}: {
  draft: ArticleDraft;
  targetLanguage: string | null;
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  const share = async () => {
    const url = shareUrl(draft, targetLanguage);
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: draft.title ?? undefined, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      setResult('copied');
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setResult('failed');
    }
  };

  return (
    <span className="share">
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => void share()}
      >
        {t('share.action')}
      </button>
      {result ? (
        <span role="status" className="share__result">
          {t(result === 'copied' ? 'share.copied' : 'share.failed')}
        </span>
      ) : null}
    </span>
  );
}

export function shareUrl(draft: ArticleDraft, targetLanguage: string | null): string {
  const params = new URLSearchParams();
  const text = draft.blocks.map((block) => block.text).join('\n\n');
  if (text.length <= MAX_SHARED_TEXT || !draft.sourceUrl)
    params.set('text', text.slice(0, MAX_SHARED_TEXT));
  if (draft.title) params.set('title', draft.title);
  if (draft.sourceUrl) params.set('url', draft.sourceUrl);
  if (targetLanguage) params.set('to', targetLanguage);
  return `${window.location.origin}${window.location.pathname}?${params.toString()}`;
}
