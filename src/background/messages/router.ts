import type { Runtime } from 'webextension-polyfill';
import { isJournalError, type JournalError } from '../../shared/errors';
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
  /** A handler's unexpected failure (a bug): logged whole. */
  logError?: (err: unknown) => void;
  /** A converted error (offline, refused, signed out): logged as one line, see `describeFailure`. */
  logFailure?: (line: string) => void;
}

/**
 * What the log says of a converted error: the message type, the code, the reason and the name of
 * what caused it (e.g. "NotAuthorizedException"). Never the message, which can quote what the
 * person wrote, and never the cause itself, which can hold a request with tokens in it.
 */
export function describeFailure(type: string, err: JournalError): string {
  const cause = err.cause instanceof Error ? err.cause.name : undefined;
  const parts = [
    err.code,
    err.reason,
    cause && cause !== err.reason ? `cause ${cause}` : undefined,
  ];
  return `[journal] ${type} failed: ${parts.filter(Boolean).join(', ')}`;
}

function fail(
  type: string,
  err: unknown,
  logError: (err: unknown) => void,
  logFailure: (line: string) => void,
): Reply {
  if (isJournalError(err)) {
    logFailure(describeFailure(type, err));
    return { ok: false, error: err.toInfo() };
  }
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
  const logFailure = options.logFailure ?? ((line: string) => console.warn(line));
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
        return fail(type, err, logError, logFailure);
      }
    })();
  };
}
