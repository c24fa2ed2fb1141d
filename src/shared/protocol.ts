import type { BackendConfig } from './config';
import type { ErrorInfo } from './errors';
import type { Draft, Entry, EntryPage, OutboxItem, SessionView } from './types';

/**
 * The one map from message type to request and response. Pages call `send(type, request)`;
 * the worker has one handler per key. Adding a message means adding it here first.
 */
export interface Protocol {
  /** Liveness and the worker's boot marker: a new `bootId` means the worker was restarted. */
  ping: { request: void; response: { bootId: string; bootedAt: number; boots: number } };

  'config.get': { request: void; response: { config: BackendConfig | null; source: ConfigSource } };
  /** Refused with INVALID_CONFIG (naming the field) and the saved settings untouched when malformed. */
  'config.save': {
    request: { json: string };
    response: { config: BackendConfig; signedOut: boolean };
  };

  'session.get': { request: void; response: SessionView };
  'auth.signIn': { request: { email: string; password: string }; response: SignInResult };
  'auth.completeNewPassword': { request: { newPassword: string }; response: SessionView };
  'auth.signUp': { request: { email: string; password: string }; response: CodeDelivery };
  'auth.confirmSignUp': { request: { email: string; code: string }; response: void };
  'auth.resendCode': { request: { email: string }; response: CodeDelivery };
  'auth.forgotPassword': { request: { email: string }; response: CodeDelivery };
  'auth.confirmForgotPassword': {
    request: { email: string; code: string; newPassword: string };
    response: void;
  };
  'auth.signOut': { request: { everywhere: boolean }; response: SessionView };
  /** SOFTWARE_TOKEN_MFA after the password: a code from the authenticator app. */
  'auth.answerTotp': { request: { code: string }; response: SessionView };
  /** MFA_SETUP after the password: a new authenticator secret, shown once and kept nowhere. */
  'auth.mfaSetupStart': { request: void; response: TotpSecret };
  /** MFA_SETUP: the first code from the new app; signs in. */
  'auth.mfaSetupVerify': { request: { code: string }; response: SessionView };

  /** Signed in: whether two-step sign-in (TOTP) is on for this account. */
  'mfa.status': { request: void; response: MfaStatus };
  'mfa.setupStart': { request: void; response: TotpSecret };
  /** Verifies the app's first code and turns two-step sign-in on. */
  'mfa.setupVerify': { request: { code: string }; response: MfaStatus };
  /** Turns it off, once a current code proves the app is at hand. */
  'mfa.turnOff': { request: { code: string }; response: MfaStatus };

  'journal.recent': { request: { limit?: number; nextToken?: string | null }; response: EntryPage };
  /** Stores the entry, or keeps it in the outbox when it cannot be stored now; clears the draft. */
  'journal.create': {
    request: { content: string };
    response: { entry: Entry | null; queued: OutboxItem | null };
  };
  'journal.update': { request: { id: string; content: string }; response: Entry };
  'journal.delete': { request: { id: string }; response: Entry };

  'outbox.list': { request: void; response: OutboxItem[] };
  /** Tries to deliver now (all, or one). */
  'outbox.retry': { request: { id?: string }; response: OutboxItem[] };
  /** Changes a refused entry's text so it can be delivered. */
  'outbox.edit': { request: { id: string; content: string }; response: OutboxItem[] };
  'outbox.discard': { request: { id: string }; response: OutboxItem[] };

  'draft.get': { request: void; response: Draft };
  'draft.set': { request: { text: string }; response: Draft };
}

export type ConfigSource = 'saved' | 'build' | 'none';
export type SignInResult =
  | { next: 'done'; session: SessionView }
  | { next: 'newPassword' }
  /** The account has an authenticator app: `auth.answerTotp` next. */
  | { next: 'totp' }
  /** The pool requires two-step sign-in and the account has none: `auth.mfaSetupStart` next. */
  | { next: 'mfaSetup' };
export interface MfaStatus {
  enabled: boolean;
}
/** A TOTP secret (base32) for an authenticator app. */
export interface TotpSecret {
  secret: string;
}
export interface CodeDelivery {
  /** Where Cognito sent the code, masked (e.g. "d***@e***"), when it says. */
  destination: string | null;
}

export type { Draft, Entry, EntryPage, OutboxItem, SessionView };

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
