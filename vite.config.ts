/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

interface ChunkGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/**
 * Library parts the first screen does not use, though the modules it imports re-export them
 * (rich-text translations, infinite and parallel queries, hydration): they stay with the lazy
 * code that uses them.
 */
const NOT_FOR_FIRST_LOAD =
  /node_modules[\\/](html-parse-stringify|void-elements|react-i18next[\\/].*(Trans|Icu|SSR|Translation|I18nextProvider)|@tanstack[\\/](query-core|react-query)[\\/].*(infinite|Infinite|queries|Queries|hydration|Hydration|streamed|Suspense|Prefetch|IsFetching|MutationState|mutationOptions))/;

/**
 * What the entry imports statically goes into one chunk. Left to itself the bundler moves
 * whatever a lazy module shares with the shell into extra chunks, so the first load would fetch
 * several scripts, each compressed without the others' context, and how many would change with
 * every new dynamic import.
 */
function firstLoadChunk(entry: string) {
  let initial: Set<string> | null = null;
  return (id: string, graph: ChunkGraph): string | null => {
    if (!initial) {
      const found = new Set<string>();
      const queue = [entry];
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        if (found.has(next) || NOT_FOR_FIRST_LOAD.test(next)) continue;
        found.add(next);
        queue.push(...(graph.getModuleInfo(next)?.importedIds ?? []));
      }
      initial = found;
    }
    return initial.has(id) && !id.endsWith('.css') ? 'index' : null;
  };
}

export default defineConfig({
  // Relative base: the built app works from any path it is served under, and config.json is
  // fetched beside index.html.
  base: './',
  plugins: [
    react(),
    VitePWA({
      // A new version waits for the reader's go-ahead: a reload must never drop unsaved edits.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        name: 'Interlinear — 기계 번역을 아는 다국어 리더',
        short_name: 'Interlinear',
        description: '모르는 언어로 된 기사를 번역해 읽고, 기계 번역을 검토합니다.',
        lang: 'ko',
        dir: 'ltr',
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1f4e79',
        background_color: '#f7f6f2',
        categories: ['books', 'education', 'productivity'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        // The same GET parameters the app reads from its address (GUIDE §3).
        share_target: {
          action: './',
          method: 'GET',
          params: { title: 'title', text: 'text', url: 'url' },
        },
        file_handlers: [
          {
            action: './',
            accept: {
              'text/plain': ['.txt', '.md'],
              'text/html': ['.html', '.htm'],
              'application/xliff+xml': ['.xlf', '.xliff'],
            },
          },
        ],
        shortcuts: [
          { name: '새 기사 열기', short_name: '새 기사', url: './?new=1' },
          { name: '검토 보기로 열기', short_name: '검토', url: './?view=review' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}', 'samples/**/*'],
        navigateFallback: 'index.html',
        // config.json is the deployment's to edit after a build: ask the network first.
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.endsWith('/config.json'),
            handler: 'NetworkFirst',
            options: { cacheName: 'runtime-config', networkTimeoutSeconds: 3 },
          },
        ],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: firstLoadChunk(resolve(import.meta.dirname, 'src/main.tsx')) }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.{ts,tsx}',
    ],
    restoreMocks: true,
  },
});
