import type { ErrorInfo } from './errors';

/**
 * The one map from message type to request and response. Pages call `send(type, request)`;
 * the worker has one handler per key. Adding a message means adding it here first.
 */
export interface Protocol {
  /** Liveness and the worker's boot marker: a new `bootId` means the worker was restarted. */
  ping: { request: void; response: { bootId: string; bootedAt: number; boots: number } };
  'draft.get': { request: void; response: Draft };
  'draft.set': { request: { text: string }; response: Draft };
}

export interface Draft {
  text: string;
  updatedAt: number;
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];

/** Messages without this brand are not ours (other scripts share `runtime.onMessage`). */
export const BRAND = 'journal-for-the-browser/1';

export interface Envelope<T extends MessageType = MessageType> {
  brand: typeof BRAND;
  type: T;
  request: RequestOf<T>;
}

export type Reply<T extends MessageType = MessageType> =
  { ok: true; value: ResponseOf<T> } | { ok: false; error: ErrorInfo };

export function isEnvelope(
  message: unknown,
): message is { brand: typeof BRAND; type: unknown; request: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { brand?: unknown }).brand === BRAND
  );
}
