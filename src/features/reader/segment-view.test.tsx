import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../tests/render';
import { ProviderError, type TranslationProvider } from '../../domain/providers/types';
import type { ComponentProps } from 'react';
import { useSegmentLabels } from './segment-labels';
import { SegmentView } from './segment-view';

/** The segment as the reader renders it, with the document's labels. */
function Segment(props: Omit<ComponentProps<typeof SegmentView>, 'labels'>) {
  return <SegmentView {...props} labels={useSegmentLabels()} />;
}

/** An engine the test answers by hand, one request at a time. */
function manualEngine(id: string) {
  const pending: {
    texts: readonly string[];
    resolve: (v: string[]) => void;
    reject: (e: Error) => void;
  }[] = [];
  const provider: TranslationProvider = {
    id,
    cacheIdentity: id,
    limits: { maxTextsPerRequest: 10, maxCharsPerRequest: 1000, maxConcurrency: 1 },
    listPairs: () => Promise.resolve([{ from: 'en', to: 'es' }]),
    translate: (texts) =>
      new Promise((resolve, reject) => {
        pending.push({ texts, resolve, reject });
      }),
  };
  return { provider, pending };
}

const block = { kind: 'paragraph' as const, text: 'The museum opens a new wing.' };

describe('SegmentView', () => {
  it('shows the Korean translating text with aria-busy while in flight, then the translation', async () => {
    const { provider, pending } = manualEngine('manual-1');
    await renderWithApp(
      <Segment
        index={0}
        block={block}
        sourceLanguage="en"
        view="bilingual"
        input={{ provider, from: 'en', to: 'es', text: block.text }}
      />,
    );
    const segment = document.querySelector('[data-segment="0"]');
    await waitFor(() => expect(segment).toHaveAttribute('data-state', 'translating'));
    expect(segment).toHaveAttribute('aria-busy', 'true');
    expect(segment).toHaveTextContent('해당 언어로 번역 중입니다…');
    pending[0]?.resolve(['El museo abre un ala nueva.']);
    await waitFor(() => expect(segment).toHaveAttribute('data-state', 'translated'));
    expect(segment).toHaveAttribute('aria-busy', 'false');
    const target = screen.getByText('El museo abre un ala nueva.');
    expect(target).toHaveAttribute('lang', 'es');
    expect(screen.getByText(block.text)).toHaveAttribute('lang', 'en');
  });

  it('turns a failure into an error with a reason and a retry that works', async () => {
    const { provider, pending } = manualEngine('manual-2');
    await renderWithApp(
      <Segment
        index={3}
        block={block}
        sourceLanguage="en"
        view="translation"
        input={{ provider, from: 'en', to: 'es', text: block.text }}
      />,
    );
    const segment = document.querySelector('[data-segment="3"]');
    await waitFor(() => expect(pending).toHaveLength(1));
    pending[0]?.reject(new ProviderError('bad-response', 'garbled'));
    await waitFor(() => expect(segment).toHaveAttribute('data-state', 'error'));
    expect(segment).toHaveTextContent('번역하지 못했습니다. 번역 엔진의 응답이 올바르지 않습니다.');
    await userEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    await waitFor(() => expect(pending).toHaveLength(2));
    pending[1]?.resolve(['El museo abre un ala nueva.']);
    await waitFor(() => expect(segment).toHaveAttribute('data-state', 'translated'));
    // The translation view hides the source once the translation is there.
    expect(screen.getByText(block.text)).not.toBeVisible();
  });

  it('says only "not translated" for a bad key, which the document states once', async () => {
    const { provider, pending } = manualEngine('manual-3');
    await renderWithApp(
      <Segment
        index={1}
        block={block}
        sourceLanguage="en"
        view="bilingual"
        input={{ provider, from: 'en', to: 'es', text: block.text }}
      />,
    );
    const segment = document.querySelector('[data-segment="1"]');
    await waitFor(() => expect(pending).toHaveLength(1));
    pending[0]?.reject(new ProviderError('auth', 'bad key', { status: 403 }));
    await waitFor(() => expect(segment).toHaveAttribute('data-state', 'error'));
    expect(segment).toHaveTextContent('번역되지 않음');
    expect(segment).not.toHaveTextContent('인증');
  });

  it('retranslates past the cache and shows the new answer', async () => {
    const { provider, pending } = manualEngine('manual-4');
    await renderWithApp(
      <Segment
        index={2}
        block={block}
        sourceLanguage="en"
        view="bilingual"
        input={{ provider, from: 'en', to: 'es', text: block.text }}
      />,
    );
    await waitFor(() => expect(pending).toHaveLength(1));
    pending[0]?.resolve(['Primera versión.']);
    await screen.findByText('Primera versión.');
    await userEvent.click(screen.getByRole('button', { name: '다시 번역' }));
    await waitFor(() => expect(pending).toHaveLength(2));
    pending[1]?.resolve(['Segunda versión.']);
    await screen.findByText('Segunda versión.');
    expect(screen.queryByText('Primera versión.')).toBeNull();
  });

  it('stays pending without a spinner when there is nothing to translate into', async () => {
    await renderWithApp(
      <Segment index={0} block={block} sourceLanguage="en" view="bilingual" input={null} />,
    );
    const segment = document.querySelector('[data-segment="0"]');
    expect(segment).toHaveAttribute('data-state', 'pending');
    expect(segment).toHaveAttribute('aria-busy', 'false');
    expect(document.querySelector('.spinner')).toBeNull();
  });
});
