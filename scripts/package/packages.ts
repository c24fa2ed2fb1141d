/**
 * The three ZIPs `npm run package` writes from the builds in dist/: the Chrome Web Store package,
 * the AMO package and, because the build is minified, the source ZIP AMO's reviewers rebuild from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageFiles } from './files';
import type { ZipFile } from './zip';
import { reproducibleZip } from './zip';

export interface PackageOptions {
  outDir: string;
  /** Keep the manifest `key` in the Chrome ZIP (self-hosted or policy installs); stores drop it. */
  keepKey: boolean;
  root?: string;
}

export interface Packages {
  version: string;
  chrome: string;
  firefox: string;
  source: string;
}

/** The tracked files of the checkout, as they are on disk (what was built). */
function sourceFiles(root: string): ZipFile[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((path) => path && existsSync(join(root, path)))
    .map((path) => ({ path, data: readFileSync(join(root, path)) }));
}

export function writePackages(options: PackageOptions): Packages {
  const root = resolve(options.root ?? '.');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  for (const target of ['chrome', 'firefox'])
    if (!existsSync(join(root, 'dist', target, 'manifest.json')))
      throw new Error(`No build in dist/${target}: run npm run build first.`);
  mkdirSync(options.outDir, { recursive: true });
  const out = (name: string) => join(options.outDir, `journal-${name}-${version}.zip`);
  const written: Packages = {
    version,
    chrome: out('chrome'),
    firefox: out('firefox'),
    source: out('source'),
  };
  writeFileSync(
    written.chrome,
    reproducibleZip(packageFiles(join(root, 'dist/chrome'), { version, keepKey: options.keepKey })),
  );
  writeFileSync(
    written.firefox,
    reproducibleZip(packageFiles(join(root, 'dist/firefox'), { version, keepKey: false })),
  );
  writeFileSync(written.source, reproducibleZip(sourceFiles(root)));
  return written;
}

/** Whether any page code renders raw HTML (then Preact's innerHTML warning is ours, not Preact's). */
export function srcUsesInnerHtml(root = '.'): boolean {
  try {
    execFileSync('git', ['grep', '-q', '-e', 'innerHTML', '--', 'src'], { cwd: root });
    return true;
  } catch {
    return false; // git grep exits 1 when nothing matches
  }
}
