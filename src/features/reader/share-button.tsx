import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDraft } from '../../domain/article/types';
import { segmentTranslationQuery, type SegmentTranslationInput } from '../../lib/engine';

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
  translate,
}: {
  draft: ArticleDraft;
  targetLanguage: string | null;
  /** The engine route the reader translates with: its translations so far go with the link. */
  translate: Omit<SegmentTranslationInput, 'text'> | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  const share = async () => {
    const url = shareUrl(draft, targetLanguage);
    const text = translatedText(queryClient, draft, translate);
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: draft.title ?? undefined, url, text: text ?? undefined });
        return;
      }
      await navigator.clipboard.writeText(text ? `${url}\n\n${text}` : url);
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

/**
 * The translation as far as it has arrived (title first), from the query cache: sharing never
 * asks the engine. Null when nothing is translated yet.
 */
export function translatedText(
  queryClient: QueryClient,
  draft: ArticleDraft,
  translate: Omit<SegmentTranslationInput, 'text'> | null,
): string | null {
  if (!translate) return null;
  const lookup = (text: string) =>
    queryClient.getQueryData(segmentTranslationQuery({ ...translate, text }).queryKey)?.text ??
    null;
  const parts = [
    draft.title ? lookup(draft.title) : null,
    ...draft.blocks.map((block) => lookup(block.text)),
  ].filter((part): part is string => part !== null && part.trim() !== '');
  return parts.length > 0 ? parts.join('\n\n') : null;
}
