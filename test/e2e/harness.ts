/**
 * Loads the built extension into real Chromium (playwright-core + the system binary), finds its id,
 * opens its pages as tabs, and stops its worker the way MV3 does when idle.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const DIST = resolve('dist/chrome');
const BRAND = 'journal-for-the-browser/1';

export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH.');
  return found;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  openPage(path: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** CDP `ServiceWorker.stopAllWorkers`, what Chrome does to an idle MV3 worker. */
  stopWorker(): Promise<void>;
  /** Sends a protocol message from an extension page, as `send()` does. */
  message<T = unknown>(page: Page, type: string, request?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function launchExtension(dist = DIST): Promise<Harness> {
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`No build in ${dist}: run npm run build first.`);
  const profile = mkdtempSync(join(tmpdir(), 'journal-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  const base = `chrome-extension://${extensionId}/`;

  const harness: Harness = {
    context,
    extensionId,
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(base));
      return live ?? (await context.waitForEvent('serviceworker'));
    },
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(base + path);
      return page;
    },
    openPopup: () => harness.openPage('src/popup/index.html'),
    openOptions: () => harness.openPage('src/options/index.html'),
    async stopWorker() {
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
      } finally {
        await page.close();
      }
    },
    async message<T>(page: Page, type: string, request?: unknown): Promise<T> {
      const reply = await page.evaluate(
        async ([brand, t, r]) => chrome.runtime.sendMessage({ brand, type: t, request: r }),
        [BRAND, type, request] as const,
      );
      const typed = reply as { ok: boolean; value?: T; error?: { code: string; message: string } };
      if (!typed?.ok) throw new Error(`${type} failed: ${JSON.stringify(typed)}`);
      return typed.value as T;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Pings until the worker answers (it may be waking up) and returns its boot marker. */
export async function bootMarker(
  harness: Harness,
  page: Page,
): Promise<{ bootId: string; boots: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await harness.message<{ bootId: string; boots: number }>(page, 'ping');
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
