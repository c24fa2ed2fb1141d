/**
 * The browser-neutral face of an e2e test: what a person does with the extension (open its pages,
 * find controls by role and accessible name, type, click), what a test checks behind it (storage,
 * protocol messages), and what the browser does on its own (stopping an idle background). Chromium
 * (playwright-core over CDP) and Firefox (puppeteer-core over WebDriver BiDi) implement it, so a test
 * written against it runs in both.
 */
export type BrowserName = 'chromium' | 'firefox';

export type Role = 'button' | 'link' | 'list' | 'listitem' | 'alert' | 'status' | 'heading';

export interface ExtensionPage {
  /** Replaces the text of the field with this accessible name (Contract 4's labels). */
  fill(label: string, text: string): Promise<void>;
  /** Types into the field key by key, as a person does. */
  type(label: string, text: string): Promise<void>;
  /** Presses a key or chord (`Control+Enter`) in the field. */
  press(label: string, keys: string): Promise<void>;
  value(label: string): Promise<string>;
  isFocused(label: string): Promise<boolean>;
  click(role: Role, name: string): Promise<void>;
  /** Waits until an element of this role and accessible name is on the page. */
  waitFor(role: Role, name: string, timeoutMs?: number): Promise<void>;
  /** Waits until the page's visible text contains this. */
  waitForText(text: string, timeoutMs?: number): Promise<void>;
  /** The text of each item of the list with this accessible name (empty when there is no list). */
  listItems(listName: string): Promise<string[]>;
  /** A protocol message from this page, as `send()` does; throws on `{ok:false}`. */
  message<T = unknown>(type: string, request?: unknown): Promise<T>;
  /** One storage area, read from this extension page. */
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  /** The toolbar badge's text. */
  badge(): Promise<string>;
  close(): Promise<void>;
}

/** An ordinary web page in a tab (for the context menu). */
export interface WebPage {
  readonly url: string;
  /** Selects the text of the first element matching the CSS selector. */
  select(selector: string): Promise<string>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  open(path: string): Promise<ExtensionPage>;
  openPopup(): Promise<ExtensionPage>;
  openOptions(): Promise<ExtensionPage>;
  openWeb(url: string): Promise<WebPage>;
  /**
   * Right-clicks the selection and chooses the extension's menu item with this title and id.
   * Firefox: the real content-area context menu. Chromium: headless Chromium cannot pick a native
   * menu item, so this checks that Chromium holds the item (by id) and delivers the click to the
   * worker's `contextMenus.onClicked` with the data Chromium sends.
   */
  chooseMenuItem(page: WebPage, item: { id: string; title: string }): Promise<void>;
  /** Stops the background as the browser does when it is idle (a new one starts on the next event). */
  stopBackground(): Promise<void>;
  /** Uncaught errors of the extension's pages (and, in Firefox, its background) seen so far. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export const POPUP = 'src/popup/index.html';
export const OPTIONS = 'src/options/index.html';
export const BRAND = 'journal-for-the-browser/1';

/** Waits for `check` to hold, polling; fails with the last value. */
export async function until<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch (err) {
      error = err;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(last)})`, {
        cause: error,
      });
    await new Promise((r) => setTimeout(r, 50));
  }
}
