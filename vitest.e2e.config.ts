import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
    // graphql-query-complexity's ESM build would load graphql's CommonJS copy next to the ESM one
    // the backend's schema comes from ("another module or realm"): let vite resolve it like ours.
    server: { deps: { inline: ['graphql-query-complexity'] } },
  },
});
