/**
 * A faithful in-memory stand-in for `webextension-polyfill`, aliased in vitest.config.ts.
 * Storage stores (as JSON), events fire, and `runtime.sendMessage` reaches `onMessage` listeners
 * with a sender, failing like Chrome when nothing listens.
 */
import { FakeEvent } from './events';
import { FakeStorageArea } from './storage';

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

function createFakeBrowser() {
  const onChanged = new FakeEvent<ChangeListener>();
  const onMessage = new FakeEvent<MessageListener>();
  const state = {
    /** Who `sendMessage` claims to be; tests change it to play a content script or a stranger. */
    sender: { id: EXTENSION_ID, url: `${EXTENSION_URL}src/popup/index.html` } as Sender,
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
  };
  return { browser, state };
}

let current = createFakeBrowser();

/** Fresh storage and no listeners: call in `beforeEach`. */
export function resetFakeBrowser(): void {
  const next = createFakeBrowser();
  Object.assign(current.browser.storage, next.browser.storage);
  Object.assign(current.browser.runtime, next.browser.runtime);
  current.state = next.state;
  current = { browser: current.browser, state: next.state };
}

export function fakeState() {
  return current.state;
}

const browser = current.browser;
export default browser;
export type { Sender };
