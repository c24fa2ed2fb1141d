import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import webExtension from 'vite-plugin-web-extension';
import { parseConfig, type BackendConfig } from './src/shared/config.ts';

/** `JOURNAL_CONFIG=path/to.json npm run build` bakes a default backend configuration into the build. */
function buildTimeConfig(): BackendConfig | null {
  const path = process.env.JOURNAL_CONFIG;
  if (!path) return null;
  const result = parseConfig(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`JOURNAL_CONFIG (${path}): ${result.message}`);
  return result.config;
}

/** The manifest names icons under assets/; copy that folder as it is (vite's publicDir would flatten it). */
function copyAssets(): Plugin {
  return {
    name: 'journal-copy-assets',
    generateBundle() {
      for (const name of readdirSync('assets')) {
        this.emitFile({
          type: 'asset',
          fileName: `assets/${name}`,
          source: readFileSync(`assets/${name}`),
        });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    publicDir: false,
    resolve: {
      // See src/background/api/graphqlShim.ts: the worker's queries are strings, not parsed.
      alias: {
        graphql: fileURLToPath(new URL('./src/background/api/graphqlShim.ts', import.meta.url)),
      },
    },
    plugins: [
      preact(),
      copyAssets(),
      webExtension({
        manifest: 'manifest.json',
        browser: target,
        // The plugin would download a JSON schema to validate the manifest; there is no network.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        printSummary: false,
      }),
    ],
    // amazon-cognito-identity-js (through buffer@4) reads `global`, which a worker does not have.
    define: {
      global: 'globalThis',
      __JOURNAL_DEFAULT_CONFIG__: JSON.stringify(buildTimeConfig()),
    },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      target: 'es2022',
    },
  };
});
