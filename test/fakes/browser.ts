/**
 * A faithful in-memory stand-in for `webextension-polyfill`, aliased in vitest.config.ts.
 * Storage stores (as JSON), events fire, and `runtime.sendMessage` reaches `onMessage` listeners
 * with a sender, failing like Chrome when nothing listens. Alarms, the action badge, context menus
 * and tabs keep the state the browser would, so tests read it back as a person would see it.
 */
import { FakeEvent } from './events';
import { FakeStorageArea } from './storage';
import { createFakeAlarms, createFakeContextMenus, createFakeTabs } from './extras';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_URL = `chrome-extension://${EXTENSION_ID}/`;

type Sender = { id?: string; url?: string; tab?: { id: number } };
type MessageListener = (
  message: unknown,
  sender: Sender,
) => Promise<unknown> | true | undefined | void;
type ChangeListener = (
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
) => void;

function createFakeAction() {
  const badge = { text: '', color: '' as string | number[] };
  return {
    badge,
    api: {
      async setBadgeText(details: { text?: string | null }): Promise<void> {
        await Promise.resolve();
        badge.text = details.text ?? '';
      },
      async getBadgeText(_details: object = {}): Promise<string> {
        await Promise.resolve();
        return badge.text;
      },
      async setBadgeBackgroundColor(details: { color: string | number[] }): Promise<void> {
        await Promise.resolve();
        badge.color = details.color;
      },
    },
  };
}

function createFakeBrowser() {
  const onChanged = new FakeEvent<ChangeListener>();
  const onMessage = new FakeEvent<MessageListener>();
  const action = createFakeAction();
  const alarms = createFakeAlarms();
  const contextMenus = createFakeContextMenus();
  const tabs = createFakeTabs();
  const state = {
    /** Who `sendMessage` claims to be; tests change it to play a content script or a stranger. */
    sender: { id: EXTENSION_ID, url: `${EXTENSION_URL}src/popup/index.html` } as Sender,
    badge: action.badge,
    alarms: alarms.state,
    /** Fires an alarm now, as the browser would when its time comes. */
    fireAlarm: alarms.fire,
    menus: contextMenus.state,
    tabs: tabs.tabs,
    /** How many times a page asked for the options page. */
    optionsOpened: 0,
  };
  const browser = {
    storage: {
      local: new FakeStorageArea('local', onChanged),
      session: new FakeStorageArea('session', onChanged),
      onChanged,
    },
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => EXTENSION_URL + path.replace(/^\//, ''),
      onMessage,
      onInstalled: new FakeEvent<(details: { reason: string }) => void>(),
      onStartup: new FakeEvent<() => void>(),
      async openOptionsPage(): Promise<void> {
        await Promise.resolve();
        state.optionsOpened++;
      },
      async sendMessage(message: unknown): Promise<unknown> {
        // Like Chrome, the message is serialised: no shared references between contexts.
        const copy = JSON.parse(JSON.stringify(message ?? null)) as unknown;
        for (const listener of onMessage.listeners) {
          const result = listener(copy, { ...state.sender });
          if (result instanceof Promise)
            return JSON.parse(JSON.stringify((await result) ?? null)) as unknown;
        }
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    action: action.api,
    alarms: alarms.api,
    contextMenus: contextMenus.api,
    tabs: tabs.api,
  };
  return { browser, state };
}

let current = createFakeBrowser();

/** Fresh storage and no listeners: call in `beforeEach`. */
export function resetFakeBrowser(): void {
  const next = createFakeBrowser();
  Object.assign(current.browser.storage, next.browser.storage);
  Object.assign(current.browser.runtime, next.browser.runtime);
  Object.assign(current.browser.action, next.browser.action);
  Object.assign(current.browser.alarms, next.browser.alarms);
  Object.assign(current.browser.contextMenus, next.browser.contextMenus);
  Object.assign(current.browser.tabs, next.browser.tabs);
  current.state = next.state;
  current = { browser: current.browser, state: next.state };
}

export function fakeState() {
  return current.state;
}

const browser = current.browser;
export default browser;
export type { Sender };
