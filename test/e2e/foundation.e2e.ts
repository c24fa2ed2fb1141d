import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootMarker, launchExtension, type Harness } from './harness';

describe('the extension in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchExtension();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('loads its MV3 worker, whose boot marker answers the popup', async () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    const popup = await harness.openPopup();
    const marker = await bootMarker(harness, popup);
    expect(marker.bootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(marker.boots).toBeGreaterThanOrEqual(1);
    await popup.close();
  });

  it('round-trips typed text from the popup through the worker into storage', async () => {
    const popup = await harness.openPopup();
    const box = popup.getByLabel('New entry');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('a thought from the popup');
    const worker = await harness.worker();
    await expect
      .poll(() =>
        worker.evaluate(
          async () =>
            (await chrome.storage.local.get('draft')).draft as { text: string } | undefined,
        ),
      )
      .toMatchObject({ text: 'a thought from the popup' });
    await popup.close();
  });

  it('refuses a message from a web page context even with the brand', async () => {
    const page = await harness.context.newPage();
    await page.goto('about:blank');
    // A web page has no chrome.runtime.sendMessage to us without externally_connectable.
    expect(
      await page.evaluate(
        () =>
          typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
            ?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    await page.close();
  });

  it('keeps state in storage across a worker stop, and the restarted worker is a new one', async () => {
    const popup = await harness.openPopup();
    const before = await bootMarker(harness, popup);
    await harness.message(popup, 'draft.set', { text: 'survives the worker' });

    await harness.stopWorker();

    const after = await bootMarker(harness, popup);
    expect(after.bootId).not.toBe(before.bootId); // restarted, and alive (it answered)
    expect(after.boots).toBe(before.boots + 1);
    const draft = await harness.message<{ text: string }>(popup, 'draft.get');
    expect(draft.text).toBe('survives the worker');

    const reopened = await harness.openPopup();
    await expect
      .poll(() => reopened.getByLabel('New entry').inputValue())
      .toBe('survives the worker');
    await popup.close();
    await reopened.close();
  });
});
