// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const pageOnlyGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'alert',
  'confirm',
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.journal/**', 'backend/cdk/cdk.out/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The import graph stays acyclic (docs/architecture.md gives the direction). A cycle is how
    // a global lookup crept in before: journalApi → runtime → journalClient → journalApi.
    files: ['src/**/*.{ts,tsx}', 'backend/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['backend/**', 'test/**', 'scripts/**', 'bench/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The service worker has no DOM: a stray `window` is a crash at boot.
    files: ['src/background/**'],
    languageOptions: { globals: { ...globals.serviceworker } },
    rules: {
      'no-restricted-globals': ['error', ...pageOnlyGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/popup/**', '**/options/**', 'preact', 'preact/*'],
              message: 'The worker has no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pages talk to the worker by messages only: tokens and credentials stay in the worker.
    files: ['src/popup/**', 'src/options/**', 'src/shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/background/**', 'amazon-cognito-identity-js', 'aws-sign-web'],
              message: 'Pages never import worker internals.',
            },
          ],
        },
      ],
    },
  },
);
