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
  // Saving and listing, the draft across a reopen and a worker stop, and the offline outbox run in
  // both browsers in core.e2e.ts.
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
