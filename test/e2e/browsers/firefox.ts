/**
 * ExtensionBrowser for Firefox ESR: puppeteer-core 24 over WebDriver BiDi, the Firefox build as a
 * temporary add-on (unsigned is fine), the add-on's UUID fixed by a pref so its pages have a known
 * origin. What BiDi cannot reach (the background, the parent process's error console, the
 * content-area context menu) is reached through the parent process's `browser.xhtml`, which
 * `--remote-allow-system-access` opens to `script.evaluate`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import {
  BRAND,
  OPTIONS,
  POPUP,
  type ExtensionBrowser,
  type ExtensionPage,
  type Role,
  type WebPage,
} from './extension';

export const FIREFOX_DIST = resolve('dist/firefox');
// Any fixed UUID: the pref below maps the add-on's id to it, so pages are moz-extension://<this>/.
const ADDON_UUID = '5d0c8f3e-7a4b-4e6f-9c21-8b3a1d2e4f60';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error('No Firefox found: apt-get install -y firefox-esr, or set FIREFOX_PATH.');
  return found;
}

/** `::-p-aria` selector for an accessible name (and role): the BiDi accessibility locator. */
function aria(name: string, role?: Role): string {
  const quoted = JSON.stringify(name);
  return role ? `::-p-aria([name=${quoted}][role="${role}"])` : `::-p-aria(${quoted})`;
}

const TIMEOUT = 10_000;

// Page-side, as a string: a transpiler's helpers (esbuild's __name) must not leak into the page.
const FIND_BY_LABEL = `(wanted) => {
  const norm = (text) => (text || '').replace(/\\s+/g, ' ').trim();
  for (const l of document.querySelectorAll('label'))
    if (norm(l.textContent) === wanted && l.control) return l.control;
  for (const el of document.querySelectorAll('[aria-labelledby]')) {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/);
    if (norm(ids.map((id) => document.getElementById(id)?.textContent).join(' ')) === wanted) return el;
  }
  for (const el of document.querySelectorAll('[aria-label]'))
    if (norm(el.getAttribute('aria-label')) === wanted) return el;
  return null;
}`;

class FirefoxPage implements ExtensionPage {
  constructor(readonly page: Page) {}
  private async find(selector: string, timeout = TIMEOUT): Promise<ElementHandle<Element>> {
    const found = await this.page.waitForSelector(selector, { timeout });
    if (!found) throw new Error(`Nothing matches ${selector}.`);
    return found;
  }
  /**
   * The form control a label names, as Playwright's getByLabel finds it: a <label>'s control, then
   * aria-labelledby, then aria-label (the accessibility locator also matches the label's own text).
   */
  private async field(label: string): Promise<ElementHandle<Element>> {
    const found = await this.page.waitForFunction(`(${FIND_BY_LABEL})(${JSON.stringify(label)})`, {
      timeout: TIMEOUT,
      polling: 50,
    });
    const element = found.asElement();
    if (!element) throw new Error(`No field labelled ${label}.`);
    return element as ElementHandle<Element>;
  }
  async fill(label: string, text: string) {
    // What Playwright's fill does: focus, replace the value, one input event (no key-by-key typing).
    const field = await this.field(label);
    await field.focus();
    await field.evaluate((el, value) => {
      const input = el as HTMLInputElement | HTMLTextAreaElement;
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
      setter?.call(input, value);
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }),
      );
    }, text);
  }
  async type(label: string, text: string) {
    const field = await this.field(label);
    await field.focus();
    await this.page.keyboard.type(text);
  }
  async press(label: string, keys: string) {
    const field = await this.field(label);
    await field.focus();
    const parts = keys.split('+') as Parameters<Page['keyboard']['press']>[0][];
    const key = parts.pop()!;
    for (const modifier of parts) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(key);
    for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier);
  }
  async value(label: string) {
    return (await this.field(label)).evaluate((el) => (el as HTMLInputElement).value);
  }
  async isFocused(label: string) {
    return (await this.field(label)).evaluate((el) => el === document.activeElement);
  }
  async click(role: Role, name: string) {
    await (await this.find(aria(name, role))).click();
  }
  async waitFor(role: Role, name: string, timeoutMs = TIMEOUT) {
    await this.find(aria(name, role), timeoutMs);
  }
  async waitForText(text: string, timeoutMs = TIMEOUT) {
    await this.page.waitForFunction(
      (t) => !!document.body?.innerText.includes(t),
      { timeout: timeoutMs, polling: 50 },
      text,
    );
  }
  async listItems(listName: string) {
    const list = await this.page.$(aria(listName, 'list'));
    if (!list) return [];
    return list.$$eval('li', (items) => items.map((li) => (li as HTMLElement).innerText));
  }
  async message<T>(type: string, request?: unknown): Promise<T> {
    const reply = (await this.page.evaluate(
      (brand, t, r) => browser.runtime.sendMessage({ brand, type: t, request: r }),
      BRAND,
      type,
      request ?? null,
    )) as { ok: boolean; value?: T } | undefined;
    if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
    return reply.value as T;
  }
  storage(area: 'local' | 'session') {
    return this.page.evaluate((a) => browser.storage[a].get(null), area);
  }
  badge() {
    return this.page.evaluate(() => browser.action.getBadgeText({}));
  }
  close() {
    return this.page.close();
  }
}

class FirefoxWebPage implements WebPage {
  selector = 'body';
  constructor(readonly page: Page) {}
  get url() {
    return this.page.url();
  }
  async select(selector: string) {
    this.selector = selector;
    return this.page.$eval(selector, (el) => {
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

/**
 * Raw WebDriver BiDi commands. Puppeteer's BiDi browser has its connection and a frame its BiDi
 * context id, neither in the public types (Firefox's `moz:scope` is not in the protocol's either).
 */
function bidi(browser: Browser) {
  const { connection } = browser as unknown as {
    connection: { send(method: string, params: object): Promise<{ result: unknown }> };
  };
  return async <T>(method: string, params: object) =>
    (await connection.send(method, params)).result as T;
}
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

/** `script.evaluate` in the parent process's browser window; the expression's value comes back as JSON. */
type Chrome = (expression: string) => Promise<unknown>;

async function parentProcess(browser: Browser): Promise<Chrome> {
  const send = bidi(browser);
  const result = await send<{ contexts: { context: string; url: string }[] }>(
    'browsingContext.getTree',
    { 'moz:scope': 'chrome' },
  );
  const window = result.contexts.find((c) => c.url.endsWith('browser.xhtml')) ?? result.contexts[0];
  if (!window) throw new Error('Firefox showed no browser window to the test.');
  return async (expression) => {
    const reply = await send<{
      type: string;
      result?: { value?: string };
      exceptionDetails?: { text: string };
    }>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: window.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (reply.type !== 'success')
      throw new Error(`Firefox's parent process: ${reply.exceptionDetails?.text ?? 'failed'}`);
    return reply.result?.value === undefined ? undefined : JSON.parse(reply.result.value);
  };
}

export async function launchFirefox(dist = FIREFOX_DIST): Promise<ExtensionBrowser> {
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build in ${dist}: run npm run build first.`);
  const geckoId = (
    JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    }
  ).browser_specific_settings.gecko.id;
  const base = `moz-extension://${ADDON_UUID}/`;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: ADDON_UUID }),
    },
  });
  try {
    const chrome = await parentProcess(browser);
    // Uncaught errors reach the parent's console service, not BiDi: keep ours (by origin or id).
    // Two are Firefox's noise when a test closes a page, not ours: "sendRemoveListener on closed
    // conduit" (a page with storage listeners) and "Promise rejected after context unloaded".
    await chrome(`(() => {
      globalThis.__journalErrors = [];
      Services.console.registerListener({ observe(message) {
        if (!(message instanceof Ci.nsIScriptError) || (message.flags & Ci.nsIScriptError.warningFlag)) return;
        const text = message.errorMessage + ' @ ' + message.sourceName;
        if (!text.includes(${JSON.stringify(base)}) && !text.includes(${JSON.stringify(geckoId)})) return;
        if (text.includes('sendRemoveListener on closed conduit')) return;
        // A page closed with a message in flight: the reply has nowhere to go (nobody to tell).
        if (text.includes('Promise rejected after context unloaded')) return;
        globalThis.__journalErrors.push(text);
      } });
    })()`);
    await browser.installExtension(dist);

    const open = async (path: string) => {
      const page = await browser.newPage();
      // page.goto() of a moz-extension:// URL loads but never resolves over BiDi: navigate raw.
      await bidi(browser)('browsingContext.navigate', {
        context: contextOf(page),
        url: base + path,
        wait: 'none',
      });
      await page.waitForFunction(
        (url) => location.href === url && document.readyState === 'complete',
        { timeout: TIMEOUT, polling: 50 },
        base + path,
      );
      return new FirefoxPage(page);
    };
    const extension = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs')
      .ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId)})`;

    return {
      name: 'firefox',
      open,
      openPopup: () => open(POPUP),
      openOptions: () => open(OPTIONS),
      async openWeb(url) {
        const page = await browser.newPage();
        await page.goto(url);
        return new FirefoxWebPage(page);
      },
      async chooseMenuItem(web, item) {
        const { page, selector } = web as FirefoxWebPage;
        await page.bringToFront();
        await chrome(`(() => {
          const menu = document.getElementById('contentAreaContextMenu');
          globalThis.__journalMenu = new Promise((shown) =>
            menu.addEventListener('popupshown', () => shown(true), { once: true }));
        })()`);
        const box = await (await page.$(selector))?.boundingBox();
        if (!box) throw new Error(`Nothing at ${selector} to right-click.`);
        await page.mouse.click(box.x + Math.min(5, box.width / 2), box.y + box.height / 2, {
          button: 'right',
        });
        const picked = (await chrome(`(async () => {
          const menu = document.getElementById('contentAreaContextMenu');
          await Promise.race([globalThis.__journalMenu, new Promise((r) => setTimeout(r, ${TIMEOUT}))]);
          if (menu.state !== 'open') return 'The context menu did not open.';
          const items = [...menu.querySelectorAll('menuitem')].filter((i) => !i.hidden);
          const ours = items.find((i) => i.id.endsWith(${JSON.stringify(`-menuitem-_${item.id}`)}) &&
            i.label === ${JSON.stringify(item.title)});
          if (!ours) { menu.hidePopup(); return 'No such item; the menu has: ' + items.map((i) => i.label).join(' | '); }
          menu.activateItem(ours);
          return 'ok';
        })()`)) as string;
        if (picked !== 'ok') throw new Error(picked);
      },
      async stopBackground() {
        // What Firefox does to an idle event page; the next event starts a new one.
        await chrome(`${extension}.terminateBackground()`);
      },
      async errors() {
        return (await chrome('globalThis.__journalErrors')) as string[];
      },
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}
