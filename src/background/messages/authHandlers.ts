import type { Account } from '../auth/account';
import type { Session } from '../auth/session';
import { none, object, string } from './parse';
import type { Handlers } from './router';

type AuthHandlers = Pick<
  Handlers,
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

export interface AuthHandlerDeps {
  session: Session;
  account: Account;
}

const email = (o: Record<string, unknown>) => string(o, 'email', { min: 1, max: 320 });
const password = (o: Record<string, unknown>, field = 'password') =>
  string(o, field, { min: 1, max: 256 });
const code = (o: Record<string, unknown>) => string(o, 'code', { min: 1, max: 32 });

export function createAuthHandlers({ session, account }: AuthHandlerDeps): AuthHandlers {
  return {
    'session.get': { parse: none, run: () => session.view() },
    'auth.signIn': {
      parse: (raw) => {
        const o = object(raw);
        return { email: email(o), password: password(o) };
      },
      run: (r) => account.signIn(r.email, r.password),
    },
    'auth.completeNewPassword': {
      parse: (raw) => ({ newPassword: password(object(raw), 'newPassword') }),
      run: (r) => account.completeNewPassword(r.newPassword),
    },
    'auth.signUp': {
      parse: (raw) => {
        const o = object(raw);
        return { email: email(o), password: password(o) };
      },
      run: (r) => account.signUp(r.email, r.password),
    },
    'auth.confirmSignUp': {
      parse: (raw) => {
        const o = object(raw);
        return { email: email(o), code: code(o) };
      },
      run: (r) => account.confirmSignUp(r.email, r.code),
    },
    'auth.resendCode': {
      parse: (raw) => ({ email: email(object(raw)) }),
      run: (r) => account.resendCode(r.email),
    },
    'auth.forgotPassword': {
      parse: (raw) => ({ email: email(object(raw)) }),
      run: (r) => account.forgotPassword(r.email),
    },
    'auth.confirmForgotPassword': {
      parse: (raw) => {
        const o = object(raw);
        return { email: email(o), code: code(o), newPassword: password(o, 'newPassword') };
      },
      run: (r) => account.confirmForgotPassword(r.email, r.code, r.newPassword),
    },
    'auth.signOut': {
      parse: (raw) => {
        const everywhere = object(raw).everywhere;
        return { everywhere: everywhere === true };
      },
      run: (r) => account.signOut(r.everywhere),
    },
  };
}
