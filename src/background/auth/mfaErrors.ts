import { JournalError } from '../../shared/errors';
import { cognitoError, exceptionName } from './cognitoErrors';

export const CHALLENGE_EXPIRED =
  'This sign-in has expired (it lasts 3 minutes). Start again: enter your e-mail and password.';
export const WRONG_CODE =
  'That code is not right. Enter the 6-digit code your authenticator app shows now.';
export const USED_CODE =
  'That code was already used. Wait for your authenticator app to show a new one, then enter it.';
export const CODE_FORMAT = 'Enter the 6 digits your authenticator app shows.';

const auth = (message: string, reason: string, cause?: unknown) =>
  new JournalError({ code: 'AUTH', message, reason }, { cause });

/** The challenge is gone (expired, used, or never there): only a fresh sign-in helps. */
export const challengeExpired = (cause?: unknown) =>
  auth(CHALLENGE_EXPIRED, 'ChallengeExpired', cause);

/** A code from the person's app, before it goes to Cognito: six digits, nothing else. */
export function checkCodeFormat(code: string): string {
  const clean = code.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(clean)) throw auth(CODE_FORMAT, 'CodeFormat');
  return clean;
}

/**
 * Cognito's refusals of a TOTP code, in words about the authenticator app (cognitoError's
 * CodeMismatch sentence is about e-mailed codes). `duringSignIn`: a NotAuthorizedException about
 * the session means the challenge expired.
 */
export function mfaError(err: unknown, duringSignIn: boolean): JournalError {
  if (err instanceof JournalError) return err;
  const name = exceptionName(err);
  const message = (err as { message?: unknown } | null)?.message;
  switch (name) {
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return auth(WRONG_CODE, name, err);
    case 'ExpiredCodeException':
      return auth(USED_CODE, name, err);
    case 'NotAuthorizedException':
      if (duringSignIn && typeof message === 'string' && /session/i.test(message))
        return challengeExpired(err);
      return cognitoError(err);
    default:
      return cognitoError(err);
  }
}
