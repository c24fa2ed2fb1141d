/**
 * `npm run package` (after the build it runs first): dist/packages/journal-{chrome,firefox,source}-
 * <version>.zip, the same bytes for the same sources, and `web-ext lint` of the Firefox ZIP, which
 * must have no error and no warning of ours. `-- --keep-key` keeps the manifest `key` in the Chrome
 * ZIP (for installs outside the Chrome Web Store, which refuses it); `-- --out DIR` writes elsewhere.
 */
import { resolve } from 'node:path';
import { lintFirefoxZip } from './package/lint';
import { srcUsesInnerHtml, writePackages } from './package/packages';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = resolve(outAt >= 0 ? (args[outAt + 1] ?? 'dist/packages') : 'dist/packages');

const packages = writePackages({ outDir, keepKey: args.includes('--keep-key') });
const report = await lintFirefoxZip(packages.firefox, srcUsesInnerHtml());
for (const m of [...report.errors, ...report.warnings])
  console.error(`web-ext lint: ${m.code} ${m.file ?? ''} ${m.message}`);
for (const m of report.accepted)
  console.log(`web-ext lint (accepted, Preact's renderer, see README): ${m.code} ${m.file ?? ''}`);
console.log(`Chrome Web Store: ${packages.chrome}`);
console.log(`AMO:              ${packages.firefox}`);
console.log(`AMO source:       ${packages.source}`);
if (report.errors.length || report.warnings.length) {
  console.error(
    `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings: fix them before uploading.`,
  );
  process.exit(1);
}
console.log(`web-ext lint: 0 errors, 0 warnings of ours (${report.accepted.length} accepted).`);
