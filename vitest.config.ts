import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests get their own config: loading vite-plugin-web-extension here would wipe dist/.
export default defineConfig({
  plugins: [preact()],
  define: { global: 'globalThis', __JOURNAL_DEFAULT_CONFIG__: 'null' },
  resolve: {
    // Unit tests run the extension's code against a faithful in-memory browser.
    alias: {
      'webextension-polyfill': fileURLToPath(new URL('./test/fakes/browser.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    // graphql-query-complexity's ESM build would load graphql's CommonJS copy next to the ESM one
    // the backend's schema comes from ("another module or realm"): let vite resolve it like ours.
    server: { deps: { inline: ['graphql-query-complexity'] } },
  },
});
