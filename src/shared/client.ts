import browser from 'webextension-polyfill';
import { JournalError, isErrorCode } from './errors';
import {
  BRAND,
  type Envelope,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from './protocol';

export interface SendOptions {
  /** Delays between attempts while the worker wakes; bounded so a dead worker fails fast. */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_DELAYS = [25, 50, 100, 200, 400, 800] as const;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Chrome says "Receiving end does not exist", Firefox "Could not establish connection".
function isNoReceiver(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /Receiving end does not exist|Could not establish connection/i.test(message);
}

function toJournalError(reply: unknown): JournalError {
  const error = (
    reply as { error?: { code?: unknown; message?: unknown; reason?: unknown } } | undefined
  )?.error;
  if (error && isErrorCode(error.code) && typeof error.message === 'string') {
    return new JournalError({
      code: error.code,
      message: error.message,
      ...(typeof error.reason === 'string' ? { reason: error.reason } : {}),
    });
  }
  return new JournalError({
    code: 'INTERNAL',
    message: 'The extension sent an answer it could not read.',
  });
}

/** Sends a typed message to the worker and returns its value, or throws a named `JournalError`. */
export async function send<T extends MessageType>(
  type: T,
  ...[request, options = {}]: RequestOf<T> extends void
    ? [request?: undefined, options?: SendOptions]
    : [request: RequestOf<T>, options?: SendOptions]
): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { brand: BRAND, type, request: request as RequestOf<T> };
  const delays = options.retryDelaysMs ?? DEFAULT_DELAYS;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    let reply: unknown;
    try {
      reply = await browser.runtime.sendMessage(envelope);
    } catch (err) {
      const delay = delays[attempt];
      if (isNoReceiver(err) && delay !== undefined) {
        await sleep(delay);
        continue;
      }
      throw new JournalError({
        code: 'WORKER_UNAVAILABLE',
        message:
          'The extension’s background worker did not answer. Close and reopen this page, or restart the browser.',
      });
    }
    if (typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true) {
      return (reply as { value: ResponseOf<T> }).value;
    }
    throw toJournalError(reply);
  }
}
