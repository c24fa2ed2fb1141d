import { none, object, string } from '../parse';
import type { Handlers } from '../router';
import { loadConfig, parseOrThrow, sameBackend, storeConfig } from './configStore';
import { worker } from './runtime';

type SessionHandlers = Pick<
  Handlers,
  | 'config.get'
  | 'config.save'
  | 'session.get'
  | 'auth.signIn'
  | 'auth.completeNewPassword'
  | 'auth.signUp'
  | 'auth.confirmSignUp'
  | 'auth.resendCode'
  | 'auth.forgotPassword'
  | 'auth.confirmForgotPassword'
  | 'auth.signOut'
>;

const email = (o: Record<string, unknown>) => string(o, 'email', { min: 1, max: 320 });
const password = (o: Record<string, unknown>, field = 'password') =>
  string(o, field, { min: 1, max: 256 });
const code = (o: Record<string, unknown>) => string(o, 'code', { min: 1, max: 32 });

export const sessionHandlers: SessionHandlers = {
  'config.get': { parse: none, run: () => loadConfig() },
  'config.save': {
    parse: (raw) => ({ json: string(object(raw), 'json', { max: 10_000 }) }),
    async run({ json }) {
      const config = parseOrThrow(json);
      const { config: before } = await loadConfig();
      let signedOut = false;
      // Tokens from one User Pool mean nothing to another: leave the old backend signed out.
      if (before && !sameBackend(before, config)) {
        const { session } = worker();
        signedOut = (await session.view()).signedIn;
        await session.end(null);
      }
      await storeConfig(config);
      return { config, signedOut };
    },
  },
  'session.get': { parse: none, run: () => worker().session.view() },
  'auth.signIn': {
    parse: (raw) => {
      const o = object(raw);
      return { email: email(o), password: password(o) };
    },
    run: (r) => worker().account.signIn(r.email, r.password),
  },
  'auth.completeNewPassword': {
    parse: (raw) => ({ newPassword: password(object(raw), 'newPassword') }),
    run: (r) => worker().account.completeNewPassword(r.newPassword),
  },
  'auth.signUp': {
    parse: (raw) => {
      const o = object(raw);
      return { email: email(o), password: password(o) };
    },
    run: (r) => worker().account.signUp(r.email, r.password),
  },
  'auth.confirmSignUp': {
    parse: (raw) => {
      const o = object(raw);
      return { email: email(o), code: code(o) };
    },
    run: (r) => worker().account.confirmSignUp(r.email, r.code),
  },
  'auth.resendCode': {
    parse: (raw) => ({ email: email(object(raw)) }),
    run: (r) => worker().account.resendCode(r.email),
  },
  'auth.forgotPassword': {
    parse: (raw) => ({ email: email(object(raw)) }),
    run: (r) => worker().account.forgotPassword(r.email),
  },
  'auth.confirmForgotPassword': {
    parse: (raw) => {
      const o = object(raw);
      return { email: email(o), code: code(o), newPassword: password(o, 'newPassword') };
    },
    run: (r) => worker().account.confirmForgotPassword(r.email, r.code, r.newPassword),
  },
  'auth.signOut': {
    parse: (raw) => {
      const everywhere = object(raw).everywhere;
      return { everywhere: everywhere === true };
    },
    run: (r) => worker().account.signOut(r.everywhere),
  },
};
