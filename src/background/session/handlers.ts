import { JournalError } from '../../shared/errors';
import type { Handlers } from '../router';

// Placeholder until the session lands (issue 4): every account message answers NOT_CONFIGURED.
const notYet = {
  parse: () => undefined as never,
  run: () => {
    throw new JournalError({ code: 'NOT_CONFIGURED', message: 'Signing in is not available yet.' });
  },
};

export const sessionHandlers: Pick<
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
> = {
  'config.get': notYet,
  'config.save': notYet,
  'session.get': notYet,
  'auth.signIn': notYet,
  'auth.completeNewPassword': notYet,
  'auth.signUp': notYet,
  'auth.confirmSignUp': notYet,
  'auth.resendCode': notYet,
  'auth.forgotPassword': notYet,
  'auth.confirmForgotPassword': notYet,
  'auth.signOut': notYet,
};
