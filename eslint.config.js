// Lint for the whole repo (npm run lint, part of npm test): typescript-eslint's type-free recommended
// rules, Lit's template rules, and lit-a11y's accessibility rules for the components' templates.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tmp/', 'test-results/', '.preview-data/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/components/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/components/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly',
      },
    },
    rules: {
      // role="list" on lists styled with list-style: none is deliberate: WebKit (VoiceOver) drops their
      // list semantics otherwise (https://bugs.webkit.org/show_bug.cgi?id=170179).
      'lit-a11y/no-redundant-role': 'off',
      // The URL and text sanitisers match control characters on purpose (browsers ignore them inside a
      // URL scheme, so `java\u0000script:` must be caught).
      'no-control-regex': 'off',
      // Unused names are errors, except the deliberately ignored ones (_event, _rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
