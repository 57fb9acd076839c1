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
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'Name every export: no `export *` barrels.' }],
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
  {
    // The emulator's services (records, search, auth, webhooks, stores, seeds; Cliniko's auth, availability, query,
    // seed and store) know nothing of HTTP: only the transport — `http/`, route modules, servers, the assembly — may
    // import `http/`. What a service needs from below it lives in `@clinikapi/core` (`ApiError`), `validation/`,
    // `store/types.ts`, `cliniko/errors.ts`.
    files: ['packages/emulator/src/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      'packages/emulator/src/http/**',
      'packages/emulator/src/cliniko/http/**',
      'packages/emulator/src/cliniko/resources/**',
      'packages/emulator/src/**/node/**',
      'packages/emulator/src/**/routes.ts',
      'packages/emulator/src/admin/http-*.ts',
      'packages/emulator/src/{,cliniko/}{emulator,browser-emulator,control,index,browser}.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*'],
              message: 'Services never import the HTTP layer: move what they need below it (see eslint.config.js).',
            },
          ],
        },
      ],
    },
  },
  {
    // Focus moves with the content it points at: a focus call in a passive effect lands a frame or more after that
    // content is painted (see packages/react/src/headless/focus.ts). The first selector repeats the rule for every file,
    // as a later `no-restricted-syntax` replaces an earlier one.
    // Headless hooks (`.ts`) move focus too: the grid's arrow keys did, in a passive effect, until this covered them.
    files: ['packages/react/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Name every export: no `export *` barrels.' },
        {
          selector:
            "CallExpression[callee.name='useEffect'] CallExpression:matches([callee.property.name='focus'], [callee.name='setFocus'])",
          message: 'Move focus in useFocusEffect (headless/focus.ts), not useEffect: it must land in the commit that shows its target.',
        },
      ],
    },
  },
  ...storybook.configs['flat/recommended'],
);
