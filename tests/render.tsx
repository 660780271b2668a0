/**
 * Renders a component the way the app does: a fresh QueryClient (no retries) and i18next in the
 * chosen UI language, with the real locale files.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { initI18n, loadNamespaces, ON_DEMAND_NAMESPACES, type UiLanguage } from '../src/lib/i18n';
import { createQueryClient } from '../src/lib/query-client';

export async function renderWithApp(
  ui: ReactElement,
  language: UiLanguage = 'ko',
): Promise<RenderResult> {
  await initI18n(language);
  // The app loads these with the views that use them; a component test renders views directly.
  await loadNamespaces(...ON_DEMAND_NAMESPACES);
  const client = createQueryClient();
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}
