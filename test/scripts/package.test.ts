import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chromeExtensionId } from '../../scripts/package/extensionId';
import { isShippable, storeManifest } from '../../scripts/package/files';
import { reproducibleZip } from '../../scripts/package/zip';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
const key = manifest['{{chrome}}.key'] as string;

describe('the Chrome id', () => {
  it('is 32 letters a–p from the key (Chromium itself confirms it in test/e2e/extensionId)', () => {
    // Worked out beside this test with openssl: DER key | sha256sum | first 32 hex | tr 0-9a-f a-p.
    expect(chromeExtensionId(key)).toBe('kekjhelbhhnofnnilmpgeddpombblcbj');
  });

  it('README names the id the manifest key gives', () => {
    expect(key).toMatch(/^MII[A-Za-z0-9+/]+=*$/);
    expect(readFileSync('README.md', 'utf8')).toContain(chromeExtensionId(key));
  });

  it('only the public key is in the manifest', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/PRIVATE KEY|MIIE/);
  });
});

describe('store packages', () => {
  it('the same files give the same bytes, whatever order they come in', () => {
    const a = { path: 'b/x.js', data: new TextEncoder().encode('x') };
    const b = { path: 'a.txt', data: new TextEncoder().encode('a'.repeat(1000)) };
    const one = reproducibleZip([a, b]);
    expect(Buffer.from(reproducibleZip([b, a])).equals(Buffer.from(one))).toBe(true);
    expect(Object.keys(unzipSync(one))).toEqual(['a.txt', 'b/x.js']);
    expect(() => reproducibleZip([a, a])).toThrow(/Two files at b\/x\.js/);
  });

  it('ship no source maps or tool configuration', () => {
    for (const path of ['x.js.map', 'src/a.js.map', '.eslintrc', 'vitest.config.ts', 'a/b.test.js'])
      expect(isShippable(path)).toBe(false);
    for (const path of ['manifest.json', 'src/popup/index.js', 'assets/icon-16.png'])
      expect(isShippable(path)).toBe(true);
  });

  it('the store manifest takes package.json’s version and drops the key unless asked', () => {
    const built = JSON.stringify({ version: '0.0.1', key, name: 'Journal' });
    expect(JSON.parse(storeManifest(built, { version: '1.2.3', keepKey: false }))).toEqual({
      version: '1.2.3',
      name: 'Journal',
    });
    expect(JSON.parse(storeManifest(built, { version: '1.2.3', keepKey: true }))).toMatchObject({
      key,
    });
  });
});
