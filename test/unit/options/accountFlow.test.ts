import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../src/shared/errors';
import type { SessionView } from '../../../src/shared/protocol';
import {
  afterFailure,
  afterSuccess,
  viewFor,
  type FormName,
  type Next,
  type Success,
} from '../../../src/options/accountFlow';

const session: SessionView = {
  configured: true,
  signedIn: true,
  email: 'demo@example.com',
  signedOutReason: null,
};
const auth = (reason: string, message = `worker says ${reason}`): ErrorInfo => ({
  code: 'AUTH',
  reason,
  message,
});

describe('afterSuccess: where each answered request leads', () => {
  it.each<[FormName, Success, Partial<Next> & { form?: FormName }, RegExp | null]>([
    ['signIn', { action: 'signIn', value: { next: 'done', session } }, { kind: 'signedIn' }, null],
    [
      'signIn',
      { action: 'signIn', value: { next: 'newPassword' } },
      { kind: 'form', form: 'newPassword' },
      /new password/,
    ],
    ['newPassword', { action: 'newPassword', value: session }, { kind: 'signedIn' }, null],
    [
      'signUp',
      { action: 'signUp', value: { destination: 'd***@e***' } },
      { kind: 'form', form: 'confirmSignUp' },
      /d\*\*\*@e\*\*\*/,
    ],
    [
      'confirmSignUp',
      { action: 'resendCode', value: { destination: null } },
      { kind: 'form', form: 'confirmSignUp' },
      /your e-mail address/,
    ],
    [
      'resetPassword',
      { action: 'resendCode', value: { destination: 'd***' } },
      { kind: 'form', form: 'resetPassword' },
      /new code/,
    ],
    [
      'forgotPassword',
      { action: 'forgotPassword', value: { destination: 'd***' } },
      { kind: 'form', form: 'resetPassword' },
      /sent a code/,
    ],
    [
      'confirmSignUp',
      { action: 'confirmSignUp', value: undefined },
      { kind: 'form', form: 'signIn' },
      /confirmed/,
    ],
    [
      'resetPassword',
      { action: 'resetPassword', value: undefined },
      { kind: 'form', form: 'signIn' },
      /password is changed/,
    ],
  ])('%s + %j', (form, success, expected, notice) => {
    const next = afterSuccess(form, success);
    expect(next).toMatchObject(expected);
    if (next.kind === 'signedIn') expect(next.session).toBe(session);
    else {
      expect(next.alert).toBeNull();
      if (notice) expect(next.notice).toMatch(notice);
    }
  });
});

describe('afterFailure: a refusal keeps the person where they can act', () => {
  it.each<[FormName, ErrorInfo, FormName, 'alert' | 'notice']>([
    ['signIn', auth('NotAuthorizedException', 'Incorrect e-mail or password.'), 'signIn', 'alert'],
    ['signIn', auth('UserNotConfirmedException'), 'confirmSignUp', 'notice'],
    ['signIn', auth('PasswordResetRequiredException'), 'resetPassword', 'notice'],
    ['signIn', { code: 'NETWORK', message: 'No connection.' }, 'signIn', 'alert'],
    ['signIn', { code: 'NOT_CONFIGURED', message: 'Configure first.' }, 'signIn', 'alert'],
    // The same reason on another form is only that form's problem.
    ['confirmSignUp', auth('UserNotConfirmedException'), 'confirmSignUp', 'alert'],
    ['signUp', auth('InvalidPasswordException'), 'signUp', 'alert'],
    ['signUp', auth('UsernameExistsException'), 'signUp', 'alert'],
    ['confirmSignUp', auth('CodeMismatchException'), 'confirmSignUp', 'alert'],
    ['resetPassword', auth('ExpiredCodeException'), 'resetPassword', 'alert'],
    ['newPassword', auth('InvalidPasswordException'), 'newPassword', 'alert'],
    // The challenge expired: only a fresh sign-in can get a new one.
    ['newPassword', auth('NotAuthorizedException'), 'signIn', 'alert'],
  ])('%s refused with %j shows %s', (form, error, expectedForm, channel) => {
    const next = afterFailure(form, error);
    expect(next.kind).toBe('form');
    if (next.kind !== 'form') return;
    expect(next.form).toBe(expectedForm);
    if (channel === 'alert') {
      expect(next.alert).toBe(error.message); // the worker's sentence, unchanged
      expect(next.notice).toBeNull();
    } else {
      expect(next.alert).toBeNull();
      expect(next.notice).toBeTruthy();
    }
  });
});

describe('viewFor: which part of the account section shows', () => {
  it.each<[boolean, string | null, FormName, ReturnType<typeof viewFor>]>([
    [true, 'demo@example.com', 'signIn', { kind: 'signedIn', email: 'demo@example.com' }],
    // Signed in from the popup while the sign-up form was open here.
    [true, 'demo@example.com', 'signUp', { kind: 'signedIn', email: 'demo@example.com' }],
    [false, null, 'signIn', { kind: 'form', form: 'signIn' }],
    [false, null, 'resetPassword', { kind: 'form', form: 'resetPassword' }],
  ])('signedIn=%s email=%s form=%s', (signedIn, email, form, expected) => {
    expect(viewFor({ signedIn, email }, form)).toEqual(expected);
  });
});
