// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', '.storybook/public/**', '**/.data/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Name every export: no `export *` barrels.' },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Headless and skin, in @clinikapi/react: every `.ts` module — a widget's hook and the logic it runs on — stays
    // usable without our design, so it never imports a component (`.tsx`) or anything under `ui/` (the visual parts).
    // Non-visual pieces the hooks share live in `src/headless/`. Barrels and skin prop types are the skin's side.
    files: ['packages/react/src/**/*.ts'],
    ignores: [
      'packages/react/src/ui/**',
      'packages/react/src/test/**',
      'packages/react/src/**/*.test.ts',
      'packages/react/src/**/index.ts',
      'packages/react/src/entries/**',
      'packages/react/src/**/*-props.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`\.tsx$`,
              message: 'A headless module must not import a component: move what it needs into a .ts module (src/headless/ when shared).',
            },
            {
              regex: String.raw`(^|/)ui(/|$)`,
              message: 'ui/ holds visual parts only; a headless module takes what it needs from src/headless/.',
            },
          ],
        },
      ],
    },
  },
  ...storybook.configs['flat/recommended'],
);
