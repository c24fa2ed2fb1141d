import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../../backend/local/index';
import { launchExtension, type Harness } from './harness';
import { configureByMessage, signInByMessage } from './signIn';

type Stack = Awaited<ReturnType<typeof startStack>>;
type EntryPage = { items: { id: string; content: string }[]; nextToken: string | null };

describe('the popup in Chromium against the local stack', () => {
  let stack: Stack;
  let harness: Harness;
  const dataDir = mkdtempSync(join(tmpdir(), 'journal-popup-e2e-'));

  const start = (port = 0) => startStack({ port, dataDir, log: () => undefined });
  const badge = async () => (await harness.worker()).evaluate(() => chrome.action.getBadgeText({}));
  /** How many times the API holds exactly this text (first page is plenty for these tests). */
  const held = async (page: Page, content: string) =>
    (await harness.message<EntryPage>(page, 'journal.recent', { limit: 100 })).items.filter(
      (e) => e.content === content,
    ).length;
  const list = (page: Page) => page.getByRole('list', { name: 'Recent entries' });
  const item = (page: Page, text: string) =>
    list(page).getByRole('listitem').filter({ hasText: text });
  async function jot(page: Page, text: string) {
    await page.getByLabel('New entry').fill(text);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  beforeAll(async () => {
    stack = await start();
    harness = await launchExtension();
  });
  afterAll(async () => {
    await harness?.close();
    await stack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signed out, says so and offers the settings; the box still takes words', async () => {
    const popup = await harness.openPopup();
    await popup.getByText("You're signed out.").waitFor();
    await popup.getByRole('button', { name: 'Open settings' }).click();
    await expect
      .poll(() => harness.context.pages().some((p) => p.url().includes('src/options/index.html')))
      .toBe(true);
    for (const p of harness.context.pages())
      if (p.url().includes('src/options/index.html')) await p.close();
    expect(await popup.getByLabel('New entry').isEditable()).toBe(true);
    await popup.close();

    const page = await harness.openPopup();
    await configureByMessage(harness, page, stack.config as unknown as Record<string, unknown>);
    await signInByMessage(harness, page, stack.demoUser.email, stack.demoUser.password);
    await page.close();
  });

  it('an entry jotted in the popup appears in Recent entries and the API holds it once', async () => {
    const popup = await harness.openPopup();
    const box = popup.getByLabel('New entry');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await jot(popup, 'jotted from the popup');
    await item(popup, 'jotted from the popup').waitFor();
    await expect.poll(() => box.inputValue()).toBe('');
    expect(await held(popup, 'jotted from the popup')).toBe(1);
    await popup.close();

    // Painted from the cache on the next open, and Ctrl+Enter saves too.
    const again = await harness.openPopup();
    await item(again, 'jotted from the popup').waitFor();
    await again.getByLabel('New entry').fill('saved with the keyboard');
    await again.getByLabel('New entry').press('Control+Enter');
    await item(again, 'saved with the keyboard').waitFor();
    expect(await held(again, 'saved with the keyboard')).toBe(1);
    await again.close();
  });

  it('unsaved text comes back after closing the popup and after the worker stops', async () => {
    const popup = await harness.openPopup();
    await popup.getByLabel('New entry').pressSequentially('half a thought');
    await popup.close();

    const reopened = await harness.openPopup();
    await expect.poll(() => reopened.getByLabel('New entry').inputValue()).toBe('half a thought');
    await reopened.close();

    await harness.stopWorker();
    const afterStop = await harness.openPopup();
    await expect.poll(() => afterStop.getByLabel('New entry').inputValue()).toBe('half a thought');
    await afterStop.getByLabel('New entry').fill('');
    await afterStop.close();
  });

  it('with the stack down the entry waits (badge 1), then is delivered once when it is back', async () => {
    const port = stack.port;
    await stack.close();

    const popup = await harness.openPopup();
    await jot(popup, 'written while offline');
    await item(popup, 'written while offline').getByText('Waiting to be saved').waitFor();
    await expect.poll(() => popup.getByLabel('New entry').inputValue()).toBe('');
    await expect.poll(badge).toBe('1');
    await popup.close();

    await harness.stopWorker();
    stack = await start(port);

    // Reopening the popup (which retries what waits) delivers it; no 30 s alarm needed.
    const reopened = await harness.openPopup();
    await expect.poll(badge).toBe('');
    await expect
      .poll(() => item(reopened, 'written while offline').getByText('Waiting to be saved').count())
      .toBe(0);
    await item(reopened, 'written while offline').waitFor();
    expect(await held(reopened, 'written while offline')).toBe(1);
    await harness.message(reopened, 'outbox.retry', {});
    expect(await held(reopened, 'written while offline')).toBe(1);
    expect(await harness.message(reopened, 'outbox.list')).toEqual([]);
    await reopened.close();
  });

  it('an entry over 65,536 characters shows the reason and keeps the text', async () => {
    const popup = await harness.openPopup();
    const long = 'a'.repeat(65_537);
    await jot(popup, long);
    await popup
      .getByRole('alert')
      .filter({ hasText: 'This entry is 65,537 characters; the limit is 65,536.' })
      .waitFor();
    expect(await popup.getByLabel('New entry').inputValue()).toBe(long);
    expect(await harness.message(popup, 'outbox.list')).toEqual([]);
    await popup.getByLabel('New entry').fill('');
    await popup.close();
  });

  it('edit and delete change what the API holds', async () => {
    const popup = await harness.openPopup();
    await jot(popup, 'first version');
    const row = item(popup, 'first version');
    await row.getByRole('button', { name: 'Edit' }).click();
    // While editing, the text lives in the Edit entry box (one edit at a time).
    await popup.getByLabel('Edit entry').fill('second version');
    await popup.getByRole('button', { name: 'Update' }).click();
    await item(popup, 'second version').getByRole('button', { name: 'Edit' }).waitFor();
    expect(await held(popup, 'second version')).toBe(1);
    expect(await held(popup, 'first version')).toBe(0);

    const edited = item(popup, 'second version');
    await edited.getByRole('button', { name: 'Delete' }).click();
    await edited.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => item(popup, 'second version').count()).toBe(0);
    expect(await held(popup, 'second version')).toBe(0);
    await popup.close();
  });
});
