/** `web-ext lint` on the Firefox ZIP as AMO receives it (unpacked to a temporary folder). */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  /** Warnings that are known, explained and not ours (see `accepted`). */
  accepted: LintMessage[];
}

/**
 * Preact's renderer assigns `innerHTML` only for `dangerouslySetInnerHTML`, which no code of ours
 * uses (checked here against src/, so the day someone does, the lint fails again).
 */
function accepted(message: LintMessage, files: Record<string, Uint8Array>, srcUsesIt: boolean) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || srcUsesIt || !message.file) return false;
  const body = files[message.file];
  return !!body && new TextDecoder().decode(body).includes('dangerouslySetInnerHTML');
}

export async function lintFirefoxZip(
  zipPath: string,
  srcUsesInnerHtml: boolean,
): Promise<LintReport> {
  const files = unzipSync(readFileSync(zipPath));
  const dir = mkdtempSync(join(tmpdir(), 'journal-lint-'));
  try {
    for (const [path, data] of Object.entries(files)) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
    const bin = resolve('node_modules/web-ext/bin/web-ext.js');
    const run = await promisify(execFile)(
      process.execPath,
      [bin, 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
      // No update check (there may be no network); web-ext exits non-zero on errors, read it anyway.
      { env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 << 20 },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as Omit<LintReport, 'accepted'>;
    const ok = report.warnings.filter((w) => accepted(w, files, srcUsesInnerHtml));
    return {
      errors: report.errors,
      warnings: report.warnings.filter((w) => !ok.includes(w)),
      notices: report.notices,
      accepted: ok,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
