import type { Runtime } from 'webextension-polyfill';
import { isJournalError } from '../../shared/errors';
import {
  isEnvelope,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../../shared/protocol';

export interface Handler<K extends MessageType> {
  parse(raw: unknown): RequestOf<K>;
  run(request: RequestOf<K>): Promise<ResponseOf<K>> | ResponseOf<K>;
}

export type Handlers = { [K in MessageType]: Handler<K> };

export interface RouterOptions {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`: only our own pages may ask. */
  extensionUrl: string;
  logError?: (err: unknown) => void;
}

function fail(err: unknown, logError: (err: unknown) => void): Reply {
  if (isJournalError(err)) return { ok: false, error: err.toInfo() };
  logError(err);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Something went wrong inside the extension. Try again.' },
  };
}

/**
 * Returns the `runtime.onMessage` listener. It answers only branded messages, and only from this
 * extension's own pages (not content scripts, other extensions or web pages); every answer is a
 * `Reply`, so a throwing handler can never leave a page waiting.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  const logError =
    options.logError ?? ((err: unknown) => console.error('[journal] handler failed', err));
  return (message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (sender.id !== options.extensionId || !sender.url?.startsWith(options.extensionUrl)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Only this extension’s own pages may talk to its worker.',
        },
      });
    }
    const type = message.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_TYPE', message: `Unknown message "${String(type)}".` },
      });
    }
    const handler = handlers[type as MessageType] as Handler<MessageType>;
    return (async (): Promise<Reply> => {
      try {
        const value = await handler.run(handler.parse(message.request));
        return { ok: true, value };
      } catch (err) {
        return fail(err, logError);
      }
    })();
  };
}
