/**
 * ExtensionBrowser for Chromium, on the existing Chromium harness (test/e2e/harness.ts, which other
 * tests use directly): Playwright's getByRole/getByLabel find controls as Contract 4 names them.
 */
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type Harness } from '../harness';
import {
  BRAND,
  OPTIONS,
  POPUP,
  type ExtensionBrowser,
  type ExtensionPage,
  type Role,
  type WebPage,
} from './extension';

class ChromiumPage implements ExtensionPage {
  constructor(readonly page: Page) {}
  private field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
  private role(role: Role, name: string): Locator {
    return this.page.getByRole(role, { name, exact: true });
  }
  fill(label: string, text: string) {
    return this.field(label).fill(text);
  }
  type(label: string, text: string) {
    return this.field(label).pressSequentially(text);
  }
  press(label: string, keys: string) {
    return this.field(label).press(keys);
  }
  value(label: string) {
    return this.field(label).inputValue();
  }
  isFocused(label: string) {
    return this.field(label).evaluate((el) => el === document.activeElement);
  }
  click(role: Role, name: string) {
    return this.role(role, name).click();
  }
  waitFor(role: Role, name: string, timeoutMs = 10_000) {
    return this.role(role, name).first().waitFor({ timeout: timeoutMs });
  }
  waitForText(text: string, timeoutMs = 10_000) {
    return this.page.getByText(text, { exact: false }).first().waitFor({ timeout: timeoutMs });
  }
  listItems(listName: string) {
    return this.role('list', listName).getByRole('listitem').allInnerTexts();
  }
  async message<T>(type: string, request?: unknown): Promise<T> {
    const reply = (await this.page.evaluate(
      ([brand, t, r]) => chrome.runtime.sendMessage({ brand, type: t, request: r }),
      [BRAND, type, request] as const,
    )) as { ok: boolean; value?: T } | undefined;
    if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
    return reply.value as T;
  }
  storage(area: 'local' | 'session') {
    return this.page.evaluate((a) => chrome.storage[a].get(null), area);
  }
  badge() {
    return this.page.evaluate(() => chrome.action.getBadgeText({}));
  }
  close() {
    return this.page.close();
  }
}

class ChromiumWebPage implements WebPage {
  constructor(readonly page: Page) {}
  get url() {
    return this.page.url();
  }
  select(selector: string) {
    return this.page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return getSelection()?.toString() ?? '';
      });
  }
  close() {
    return this.page.close();
  }
}

export async function launchChromium(): Promise<ExtensionBrowser> {
  const harness: Harness = await launchExtension();
  const errors: string[] = [];
  const watch = (page: Page) => page.on('pageerror', (err) => errors.push(String(err)));
  const open = async (path: string) => {
    const page = await harness.openPage(path);
    watch(page);
    return new ChromiumPage(page);
  };
  return {
    name: 'chromium',
    open,
    openPopup: () => open(POPUP),
    openOptions: () => open(OPTIONS),
    async openWeb(url) {
      const page = await harness.context.newPage();
      await page.goto(url);
      return new ChromiumWebPage(page);
    },
    async chooseMenuItem(web, item) {
      const page = (web as ChromiumWebPage).page;
      await page.bringToFront();
      const selectionText = await page.evaluate(() => getSelection()?.toString() ?? '');
      const worker = await harness.worker();
      await worker.evaluate(
        async ({ id, selectionText, pageUrl }) => {
          // Throws "Cannot find menu item with id …" unless Chromium holds the item.
          await chrome.contextMenus.update(id, {});
          // The tab as Chromium hands it to an extension without the tabs permission.
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          const info = { menuItemId: id, selectionText, pageUrl, frameId: 0, editable: false };
          (
            chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }
          ).dispatch(info, tab);
        },
        { id: item.id, selectionText, pageUrl: page.url() },
      );
    },
    stopBackground: () => harness.stopWorker(),
    errors: () => Promise.resolve([...errors]),
    close: () => harness.close(),
  };
}
