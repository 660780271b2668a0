import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import vitest from '@vitest/eslint-plugin';
import globals from 'globals';

/** One `no-restricted-imports` block per layer: files matching the glob may not import the groups. */
function importBoundaries(rules) {
  return rules.map(([files, group]) => ({
    files: [files],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group, message: 'Imports flow domain → lib → components → features → app.' },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: { ...globals.node },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: {
      react,
      'react-hooks': reactHooks,
      'jsx-a11y': jsxA11y,
      '@tanstack/query': pluginQuery,
    },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      // UI text lives in locales/: no string literals in JSX.
      'react/jsx-no-literals': [
        'error',
        { noStrings: true, ignoreProps: true, noAttributeStrings: false },
      ],
    },
  },
  // Imports flow one way: domain → lib → components → features → app; a feature does not reach
  // into another feature.
  ...importBoundaries([
    ['src/domain/**', ['**/lib/**', '**/components/**', '**/features/**', '**/app/**']],
    ['src/lib/**', ['**/components/**', '**/features/**', '**/app/**']],
    ['src/components/**', ['**/features/**', '**/app/**']],
    // The reader hosts the review view (loaded on demand); review never reaches back.
    ['src/features/reader/**', ['**/features/start/**', '**/features/settings/**', '**/app/**']],
    [
      'src/features/review/**',
      ['**/features/reader/**', '**/features/start/**', '**/features/settings/**', '**/app/**'],
    ],
    ['src/features/start/**', ['**/features/reader/**', '**/features/settings/**', '**/app/**']],
    ['src/features/settings/**', ['**/features/reader/**', '**/features/start/**', '**/app/**']],
  ]),
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
      'react/jsx-no-literals': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['tests/e2e/**/*.ts', 'playwright.config.ts'],
    rules: {
      'vitest/expect-expect': 'off',
      'vitest/no-standalone-expect': 'off',
      'vitest/valid-title': 'off',
      'vitest/require-top-level-describe': 'off',
    },
  },
);
