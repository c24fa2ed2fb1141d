/**
 * `npm run package` as a store receives it: the same bytes twice, no key in the Chrome Web Store
 * ZIP, web-ext lint clean on the AMO ZIP, and the `key` giving Chromium the id README names, from
 * whatever folder the package is unpacked to.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { chromeExtensionId } from '../../scripts/package/extensionId';
import { lintFirefoxZip } from '../../scripts/package/lint';
import { srcUsesInnerHtml, writePackages, type Packages } from '../../scripts/package/packages';
import { launchExtension } from './harness';

const temp = mkdtempSync(join(tmpdir(), 'journal-package-e2e-'));
const key = (JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, string>)[
  '{{chrome}}.key'
]!;
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const manifestOf = (zip: string) =>
  JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(zip))['manifest.json'])) as Record<
    string,
    unknown
  >;

function unpack(zip: string, dir: string): string {
  for (const [path, data] of Object.entries(unzipSync(readFileSync(zip)))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

describe('store packages', () => {
  let first: Packages;
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('two runs give identical ZIPs, versioned from package.json, without maps', () => {
    first = writePackages({ outDir: join(temp, 'one'), keepKey: false });
    const second = writePackages({ outDir: join(temp, 'two'), keepKey: false });
    for (const which of ['chrome', 'firefox', 'source'] as const) {
      expect(first[which]).toMatch(new RegExp(`journal-${which}-${version}\\.zip$`));
      expect(readFileSync(first[which]).equals(readFileSync(second[which]))).toBe(true);
    }
    for (const which of ['chrome', 'firefox'] as const) {
      const names = Object.keys(unzipSync(readFileSync(first[which])));
      expect(names).toContain('src/background/index.js');
      expect(names.filter((n) => n.endsWith('.map') || n.startsWith('test/'))).toEqual([]);
      expect(manifestOf(first[which])['version']).toBe(version);
    }
    expect(manifestOf(first.chrome)['key']).toBeUndefined();
    expect(manifestOf(first.firefox)['key']).toBeUndefined();
    expect(Object.keys(unzipSync(readFileSync(first.source)))).toContain('src/background/index.ts');
  });

  it('web-ext lint: no error and no warning of ours in the AMO ZIP', async () => {
    const report = await lintFirefoxZip(first.firefox, srcUsesInnerHtml());
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.accepted.map((m) => m.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
    const gecko = (
      manifestOf(first.firefox)['browser_specific_settings'] as {
        gecko: { strict_min_version: string; data_collection_permissions: { required: string[] } };
      }
    ).gecko;
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions.required).toContain('personalCommunications');
  });

  it('with the key kept, Chromium gives the unpacked package the id README names', async () => {
    const kept = writePackages({ outDir: join(temp, 'kept'), keepKey: true });
    expect(manifestOf(kept.chrome)['key']).toBe(key);
    const harness = await launchExtension(unpack(kept.chrome, join(temp, 'anywhere', 'chrome')));
    try {
      expect(harness.extensionId).toBe(chromeExtensionId(key));
      expect(readFileSync('README.md', 'utf8')).toContain(harness.extensionId);
    } finally {
      await harness.close();
    }
  });
});
