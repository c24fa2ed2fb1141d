import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Harness } from '../../test/e2e/harness';
import type { Figure } from '../report';
import { repeat, summarize } from '../stats';
import { credentialsFor, signedGraphql } from './signedClient';
import type { RunningStack } from '../../backend/local';
import type { RequestCounter } from './requestCounter';

const BRAND = 'journal-for-the-browser/1';
const RECENT =
  'query Recent { recentEntries(limit: 20) { items { id createDate updateDate content } nextToken } }';

/** Sends a protocol message from an extension page and returns the milliseconds it took, measured in the page. */
async function timedMessage(
  page: Page,
  type: string,
  request: unknown = undefined,
): Promise<number> {
  const { ms, reply } = await page.evaluate(
    async ([brand, t, r]) => {
      const t0 = performance.now();
      for (let attempt = 0; ; attempt++) {
        try {
          const reply = (await chrome.runtime.sendMessage({ brand, type: t, request: r })) as {
            ok: boolean;
          };
          return { ms: performance.now() - t0, reply };
        } catch (err) {
          if (attempt > 50) throw err; // the worker is waking: retry as send() does
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    },
    [BRAND, type, request] as const,
  );
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply)}`);
  return ms;
}

/**
 * The floor under popupReadyMs: a blank extension page whose only script marks when it runs.
 * No popup can be ready before its first script runs, so this is what the browser alone costs.
 */
export function writeBlankPage(dist: string): void {
  writeFileSync(
    join(dist, 'bench-blank.html'),
    '<!doctype html><meta charset="utf-8"><script src="bench-blank.js"></script><textarea autofocus aria-label="x"></textarea>',
  );
  writeFileSync(join(dist, 'bench-blank.js'), "performance.mark('journal:ready');");
}

/** Opens an extension page and returns when it marked `journal:ready`, after `check` looks at it. */
async function pageReady(
  harness: Harness,
  path: string,
  check: (page: Page) => Promise<void> = async () => {},
): Promise<number> {
  const page = await harness.openPage(path);
  try {
    await page.waitForFunction(
      () => performance.getEntriesByName('journal:ready').length > 0,
      undefined,
      { timeout: 10_000 },
    );
    const ms = await page.evaluate(
      () => performance.getEntriesByName('journal:ready')[0]!.startTime,
    );
    await check(page);
    return ms;
  } finally {
    await page.close();
  }
}

const popupReady = (harness: Harness) =>
  pageReady(harness, 'src/popup/index.html', async (page) => {
    const focused = await page
      .getByLabel('New entry')
      .evaluate((el) => el === document.activeElement);
    if (!focused) throw new Error('New entry was not focused when the popup said it was ready');
  });

/** Waits until the stack has seen no request for `quietMs`, then returns how many came since `mark`. */
async function settledCount(
  counter: RequestCounter,
  mark: number,
  quietMs = 400,
): Promise<string[]> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = counter.since(mark).length;
    if (now === last) return counter.since(mark);
    last = now;
  }
}

export async function measureExtension(
  harness: Harness,
  stack: RunningStack,
  counter: RequestCounter,
  runs: number,
): Promise<Figure[]> {
  const page = await harness.openOptions();
  await timedMessage(page, 'config.save', { json: JSON.stringify(stack.config) });
  await timedMessage(page, 'auth.signIn', {
    email: stack.demoUser.email,
    password: stack.demoUser.password,
  });
  for (let i = 0; i < 5; i++)
    await timedMessage(page, 'journal.create', { content: `bench entry ${i}` });
  await timedMessage(page, 'journal.recent', {}); // fresh credentials, and the popup's cached list

  const figures: Figure[] = [];
  // Interleaved, so both see the same machine load.
  const blank: number[] = [];
  const ready = summarize(
    await repeat(runs * 2, async () => {
      blank.push(await pageReady(harness, 'bench-blank.html'));
      return popupReady(harness);
    }),
  );
  const floor = summarize(blank.slice(1));
  figures.push({
    name: 'popupReadyMs',
    unit: 'ms',
    value: ready.median,
    summary: ready,
    note: `${(ready.median - floor.median).toFixed(1)} ms above the blank page`,
  });
  figures.push({
    name: 'blankPageMs',
    unit: 'ms',
    value: floor.median,
    summary: floor,
    note: 'a blank extension page: the floor',
  });

  const wake = summarize(
    await repeat(runs, async () => {
      await harness.stopWorker();
      return timedMessage(page, 'ping');
    }),
  );
  figures.push({ name: 'workerWakeMs', unit: 'ms', value: wake.median, summary: wake });

  let n = 0;
  const save = summarize(
    await repeat(
      runs * 2,
      () => timedMessage(page, 'journal.create', { content: `round trip ${n++}` }),
      2,
    ),
  );
  figures.push({ name: 'saveRoundTripMs', unit: 'ms', value: save.median, summary: save });

  const viaExtension = summarize(
    await repeat(runs * 2, () => timedMessage(page, 'journal.recent', {}), 2),
  );
  const creds = await credentialsFor(stack, stack.demoUser.email, stack.demoUser.password);
  const direct = summarize(
    await repeat(
      runs * 2,
      async () => {
        const t0 = performance.now();
        await signedGraphql(stack, creds, RECENT);
        return performance.now() - t0;
      },
      2,
    ),
  );
  figures.push({
    name: 'signingOverheadRatio',
    unit: '×',
    value: viaExtension.median / direct.median,
    note: `${viaExtension.median.toFixed(1)} ms via the extension, ${direct.median.toFixed(1)} ms from Node`,
  });

  let mark = counter.mark();
  await timedMessage(page, 'journal.create', { content: 'counted save' });
  const saveRequests = await settledCount(counter, mark);
  figures.push({
    name: 'requestsPerSave',
    unit: 'requests',
    value: saveRequests.length,
    note: saveRequests.map(shortOp).join(', '),
  });

  mark = counter.mark();
  const popup = await harness.openPopup();
  await popup.waitForFunction(() => performance.getEntriesByName('journal:ready').length > 0);
  const openRequests = await settledCount(counter, mark);
  await popup.close();
  figures.push({
    name: 'requestsPerPopupOpen',
    unit: 'requests',
    value: openRequests.length,
    note: openRequests.map(shortOp).join(', '),
  });

  await page.close();
  return figures;
}

// The operation name is the first word after the method/path in the stack's log line.
const shortOp = (line: string) =>
  line
    .replace(/\s+\d+\s*ms.*$/, '')
    .split(/\s+/)
    .slice(-2)
    .join(' ');
