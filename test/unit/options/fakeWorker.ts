/**
 * A worker that keeps the protocol's promises: answers branded messages with `Reply`s, keeps a
 * configuration and a session, and writes the `account` key the way the real one does.
 */
import browser from 'webextension-polyfill';
import { parseConfig, type BackendConfig } from '../../../src/shared/config';
import { JournalError } from '../../../src/shared/errors';
import { accountKey } from '../../../src/shared/keys';
import { isEnvelope, type MessageType, type SessionView } from '../../../src/shared/protocol';

interface User {
  password: string;
  confirmed: boolean;
  /** Two-step sign-in on: the fake accepts TOTP_CODE, once per sign-in. */
  totp?: boolean;
}

/** The code the fake's authenticator app shows; any other is wrong. */
export const TOTP_CODE = '246810';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const auth = (reason: string, message: string) =>
  new JournalError({ code: 'AUTH', reason, message });

export function startFakeWorker(options: { config?: BackendConfig | null } = {}) {
  const state = {
    config: options.config ?? null,
    users: new Map<string, User>(),
    email: null as string | null,
    signedOutReason: null as string | null,
    calls: [] as { type: MessageType; request: unknown }[],
    /** While set, every answer waits for it: lets a test look at the page mid-request. */
    hold: null as Promise<void> | null,
    /** A stricter worker than the page's parser: refuses every save with this sentence. */
    refuseConfigWith: null as string | null,
    /** The pool requires two-step sign-in (MFA_SETUP for users without it). */
    mfaRequired: false,
    /** A challenge waiting for its code: the e-mail it signs in. */
    challenge: null as { email: string; kind: 'totp' | 'mfaSetup' } | null,
    /** The next second-factor answer is refused as an expired session. */
    expireChallenge: false,
  };

  const session = (): SessionView => ({
    configured: state.config !== null,
    signedIn: state.email !== null,
    email: state.email,
    signedOutReason: state.signedOutReason,
  });
  const signOut = async (reason: string | null) => {
    state.email = null;
    state.signedOutReason = reason;
    await accountKey.set(null);
  };

  const answers: Partial<Record<MessageType, (request: never) => unknown>> = {
    'config.get': () => ({ config: state.config, source: state.config ? 'saved' : 'none' }),
    'config.save': async ({ json }: { json: string }) => {
      if (state.refuseConfigWith)
        throw new JournalError({ code: 'INVALID_CONFIG', message: state.refuseConfigWith });
      const parsed = parseConfig(json);
      if (!parsed.ok) throw new JournalError({ code: 'INVALID_CONFIG', message: parsed.message });
      const changed = JSON.stringify(parsed.config) !== JSON.stringify(state.config);
      const signedOut = changed && state.email !== null;
      state.config = parsed.config;
      if (signedOut) await signOut('The backend changed: sign in again.');
      return { config: parsed.config, signedOut };
    },
    'session.get': () => session(),
    'auth.signIn': async ({ email, password }: { email: string; password: string }) => {
      if (!state.config)
        throw new JournalError({ code: 'NOT_CONFIGURED', message: 'Configure first.' });
      const user = state.users.get(email);
      if (!user || user.password !== password)
        throw auth('NotAuthorizedException', 'Incorrect e-mail or password.');
      if (!user.confirmed) throw auth('UserNotConfirmedException', 'Confirm your account first.');
      if (user.totp || state.mfaRequired) {
        const kind = user.totp ? 'totp' : 'mfaSetup';
        state.challenge = { email, kind };
        return { next: kind };
      }
      state.email = email;
      state.signedOutReason = null;
      await accountKey.set({ email, sub: `sub-${email}` });
      return { next: 'done', session: session() };
    },
    'auth.resendCode': () => ({ destination: 'd***@e***' }),
    'auth.confirmSignUp': ({ email, code }: { email: string; code: string }) => {
      const user = state.users.get(email);
      if (!user || code !== '123456') throw auth('CodeMismatchException', 'That code is wrong.');
      user.confirmed = true;
    },
    'auth.answerTotp': ({ code }: { code: string }) => finishChallenge('totp', code),
    'auth.mfaSetupStart': () => {
      challengeFor('mfaSetup');
      return { secret: TOTP_SECRET };
    },
    'auth.mfaSetupVerify': ({ code }: { code: string }) => finishChallenge('mfaSetup', code),
    'mfa.status': () => ({ enabled: signedInUser().totp === true }),
    'mfa.setupStart': () => (signedInUser(), { secret: TOTP_SECRET }),
    'mfa.setupVerify': ({ code }: { code: string }) => {
      const user = signedInUser();
      if (code !== TOTP_CODE) throw auth('CodeMismatch', 'That code is not right.');
      user.totp = true;
      return { enabled: true };
    },
    'mfa.turnOff': ({ code }: { code: string }) => {
      const user = signedInUser();
      if (code !== TOTP_CODE) throw auth('CodeMismatch', 'That code is not right.');
      user.totp = false;
      return { enabled: false };
    },
    'auth.signOut': async () => {
      await signOut(null);
      return session();
    },
  };

  function signedInUser(): User {
    const user = state.email ? state.users.get(state.email) : undefined;
    if (!user) throw new JournalError({ code: 'NOT_SIGNED_IN', message: 'Sign in first.' });
    return user;
  }
  function challengeFor(kind: 'totp' | 'mfaSetup') {
    const c = state.challenge;
    if (!c || c.kind !== kind || state.expireChallenge) {
      state.challenge = null;
      throw auth('ChallengeExpired', 'This sign-in has expired. Start again with your password.');
    }
    return c;
  }
  async function finishChallenge(kind: 'totp' | 'mfaSetup', code: string) {
    const c = challengeFor(kind);
    if (code !== TOTP_CODE) throw auth('CodeMismatch', 'That code is not right.');
    const user = state.users.get(c.email);
    if (user) user.totp = true;
    state.challenge = null;
    state.email = c.email;
    await accountKey.set({ email: c.email, sub: `sub-${c.email}` });
    return session();
  }

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isEnvelope(message)) return undefined;
    const type = message.type as MessageType;
    state.calls.push({ type, request: message.request });
    return (async () => {
      if (state.hold) await state.hold;
      const answer = answers[type];
      try {
        if (!answer) throw new JournalError({ code: 'UNKNOWN_TYPE', message: `No ${type}.` });
        return { ok: true, value: await answer(message.request as never) };
      } catch (err) {
        return { ok: false, error: (err as JournalError).toInfo() };
      }
    })();
  });

  return { state, signOut };
}
