import { JournalError } from '../../shared/errors';

/** What amazon-cognito-identity-js (and our Identity Pool client) reject with. */
interface AwsLikeError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  statusCode?: unknown;
}

const SIGN_IN_NETWORK = 'Can’t reach the sign-in service. Check your connection and try again.';
export const NOT_CONFIGURED_MESSAGE = 'Set up the backend first: paste its configuration below.';
export const SESSION_ENDED =
  'Your session has ended — you were signed out on another device or it expired. Sign in again.';

const TOO_MANY = 'Too many attempts. Wait a few minutes, then try again.';
// What a deployed pool with sign-up closed (the default) answers SignUp with.
export const SIGN_UP_CLOSED =
  'This journal does not take new accounts: sign-up is closed. Ask its owner to create one for you, then sign in.';

/** The exception's name as Cognito sends it (`__type`), or the library's network marker. */
export function exceptionName(err: unknown): string {
  const e = (err ?? {}) as AwsLikeError;
  if (err instanceof TypeError) return 'NetworkError';
  const name = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
  return name.split('#').pop() ?? name;
}

function messageOf(err: unknown): string {
  const m = ((err ?? {}) as AwsLikeError).message;
  return typeof m === 'string' ? m : '';
}

/** Offline, a dead host, a 5xx or a timeout: never a reason to sign anyone out. */
export function isTransient(err: unknown): boolean {
  const name = exceptionName(err);
  const status = ((err ?? {}) as AwsLikeError).statusCode;
  return (
    name === 'NetworkError' ||
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    /^(InternalError|InternalFailure|InternalServerError|ServiceUnavailable)/.test(name) ||
    (typeof status === 'number' && status >= 500) ||
    messageOf(err) === 'Network error'
  );
}

const readable = (text: string) => {
  const s = text.trim().replace(/\.$/, '');
  return s ? `${s.charAt(0).toUpperCase()}${s.slice(1)}.` : '';
};

/** Turns a Cognito failure into a sentence a person can act on; the exception name goes in `reason`. */
export function cognitoError(err: unknown): JournalError {
  if (err instanceof JournalError) return err;
  const reason = exceptionName(err);
  const message = messageOf(err);
  const cause = { cause: err };
  const auth = (text: string) => new JournalError({ code: 'AUTH', message: text, reason }, cause);
  if (isTransient(err))
    return new JournalError({ code: 'NETWORK', message: SIGN_IN_NETWORK, reason }, cause);
  switch (reason) {
    case 'NotAuthorizedException':
      if (/attempts exceeded/i.test(message)) return auth(TOO_MANY);
      if (/SignUp is not permitted/i.test(message)) return auth(SIGN_UP_CLOSED);
      return auth('The e-mail or password is not right. Check them and try again.');
    case 'UserNotFoundException':
      return auth('The e-mail or password is not right. Check them and try again.');
    case 'UserNotConfirmedException':
      return auth('Your account is not confirmed yet. Enter the code we e-mailed you.');
    case 'InvalidPasswordException': {
      const rule = message.replace(/^Password did not conform with policy:\s*/i, '');
      return auth(`Choose a stronger password. ${readable(rule)}`.trim());
    }
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return auth(TOO_MANY);
    case 'CodeMismatchException':
      return auth('That code is not right. Check the e-mail we sent and try again.');
    case 'ExpiredCodeException':
      return auth('That code has expired. Ask for a new one.');
    case 'UsernameExistsException':
      return auth('An account with this e-mail already exists. Sign in, or reset its password.');
    case 'PasswordResetRequiredException':
      return auth('This account needs a new password. Use “Forgot password” to get a code.');
    case 'ResourceNotFoundException':
    case 'InvalidUserPoolConfigurationException':
    case 'UnknownOperationException':
      return new JournalError(
        {
          code: 'INVALID_CONFIG',
          message: `The backend configuration looks wrong: ${readable(message) || reason}`,
          reason,
        },
        cause,
      );
    case 'InvalidParameterException':
      return auth(readable(message) || 'Check what you entered and try again.');
    default:
      return auth(readable(message) || 'Signing in failed. Try again.');
  }
}
