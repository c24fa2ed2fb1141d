import type { ErrorInfo } from '../shared/errors';
import type { CodeDelivery, SessionView, SignInResult } from '../shared/protocol';

/** The signed-out forms. Exactly one shows at a time, so field and button names stay unique. */
export type FormName =
  | 'signIn'
  | 'signUp'
  | 'confirmSignUp'
  | 'forgotPassword'
  | 'resetPassword'
  | 'newPassword'
  | 'totp'
  | 'mfaSetup';

/** What a form's request answered, tagged with which request it was. */
export type Success =
  | { action: 'signIn'; value: SignInResult }
  | { action: 'newPassword' | 'totp' | 'mfaSetup'; value: SessionView }
  | { action: 'mfaSetupStarted'; value: void }
  | { action: 'signUp' | 'resendCode' | 'forgotPassword'; value: CodeDelivery }
  | { action: 'confirmSignUp' | 'resetPassword'; value: void };

export type Next =
  | { kind: 'form'; form: FormName; notice: string | null; alert: string | null }
  | { kind: 'signedIn'; session: SessionView };

const MFA_SETUP_NOTICE =
  'This account requires two-step sign-in: set up an authenticator app to finish signing in.';

const sentTo = (delivery: CodeDelivery) => delivery.destination ?? 'your e-mail address';

/** Where a right password leads: tokens, or the challenge Cognito asks next. */
function afterSignIn(
  result: SignInResult,
  show: (next: FormName, notice: string | null) => Next,
): Next {
  switch (result.next) {
    case 'done':
      return { kind: 'signedIn', session: result.session };
    case 'newPassword':
      return show('newPassword', 'Your account needs a new password before you can sign in.');
    case 'totp':
      return show('totp', 'Enter the code from your authenticator app to finish signing in.');
    case 'mfaSetup':
      return show('mfaSetup', MFA_SETUP_NOTICE);
  }
}

export function afterSuccess(form: FormName, success: Success): Next {
  const show = (next: FormName, notice: string | null): Next => ({
    kind: 'form',
    form: next,
    notice,
    alert: null,
  });
  switch (success.action) {
    case 'signIn':
      return afterSignIn(success.value, show);
    case 'mfaSetupStarted':
      return show('mfaSetup', MFA_SETUP_NOTICE);
    case 'newPassword':
    case 'totp':
    case 'mfaSetup':
      return { kind: 'signedIn', session: success.value };
    case 'signUp':
      return show('confirmSignUp', `We sent a confirmation code to ${sentTo(success.value)}.`);
    case 'resendCode':
      return show(form, `A new code is on its way to ${sentTo(success.value)}.`);
    case 'forgotPassword':
      return show('resetPassword', `We sent a code to ${sentTo(success.value)}.`);
    case 'confirmSignUp':
      return show('signIn', 'Your account is confirmed. Sign in with your password.');
    case 'resetPassword':
      return show('signIn', 'Your password is changed. Sign in with the new one.');
  }
}

/**
 * Where a refused request leaves the person. Mostly on the same form with the worker's sentence;
 * a few Cognito reasons mean another form is the way forward.
 */
export function afterFailure(form: FormName, error: ErrorInfo): Next {
  const stay: Next = { kind: 'form', form, notice: null, alert: error.message };
  if (form === 'signIn' && error.reason === 'UserNotConfirmedException')
    return {
      kind: 'form',
      form: 'confirmSignUp',
      notice:
        'This account is not confirmed yet. Enter the code from your confirmation e-mail, or ask for a new one.',
      alert: null,
    };
  if (form === 'signIn' && error.reason === 'PasswordResetRequiredException')
    return {
      kind: 'form',
      form: 'resetPassword',
      notice:
        'This account needs a new password. Enter the code that was sent to you, or ask for a new one.',
      alert: null,
    };
  // The challenge's session is short-lived (3 minutes): start again from the password.
  if (form === 'newPassword' && error.reason === 'NotAuthorizedException')
    return { kind: 'form', form: 'signIn', notice: null, alert: error.message };
  // The same for a second-factor step: the worker says "start again".
  if ((form === 'totp' || form === 'mfaSetup') && error.reason === 'ChallengeExpired')
    return { kind: 'form', form: 'signIn', notice: null, alert: error.message };
  return stay;
}

export type View = { kind: 'signedIn'; email: string } | { kind: 'form'; form: FormName };

/** Signed in wins over whichever form was open (a sign-in from the popup lands here too). */
export function viewFor(session: Pick<SessionView, 'signedIn' | 'email'>, form: FormName): View {
  if (session.signedIn) return { kind: 'signedIn', email: session.email ?? '' };
  return { kind: 'form', form };
}
