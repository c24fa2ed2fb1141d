import { describe, expect, it } from 'vitest';
import { cognitoError, isTransient } from '../../../../src/background/auth/cognitoErrors';
import { awsError } from '../helpers';

describe('Cognito failures as sentences', () => {
  it.each([
    {
      err: awsError('NotAuthorizedException', 'Incorrect username or password.'),
      code: 'AUTH',
      message: /e-mail or password is not right/,
    },
    {
      err: awsError('UserNotFoundException', 'User does not exist.'),
      code: 'AUTH',
      message: /e-mail or password is not right/,
    },
    {
      // A pool with sign-up closed (the deployed default) refuses SignUp with this.
      err: awsError('NotAuthorizedException', 'SignUp is not permitted for this user pool'),
      code: 'AUTH',
      message: /^This journal does not take new accounts: sign-up is closed\. Ask its owner/,
    },
    {
      err: awsError('NotAuthorizedException', 'Password attempts exceeded'),
      code: 'AUTH',
      message: /^Too many attempts/,
    },
    {
      err: awsError('LimitExceededException', 'Attempt limit exceeded'),
      code: 'AUTH',
      message: /^Too many attempts/,
    },
    { err: awsError('TooManyRequestsException'), code: 'AUTH', message: /^Too many attempts/ },
    {
      err: awsError('UserNotConfirmedException', 'User is not confirmed.'),
      code: 'AUTH',
      message: /not confirmed yet. Enter the code/,
    },
    {
      err: awsError(
        'InvalidPasswordException',
        'Password did not conform with policy: Password must have uppercase characters',
      ),
      code: 'AUTH',
      message: /Password must have uppercase characters\.$/,
    },
    {
      err: awsError('CodeMismatchException', 'Invalid verification code provided'),
      code: 'AUTH',
      message: /code is not right/,
    },
    { err: awsError('ExpiredCodeException'), code: 'AUTH', message: /expired. Ask for a new one/ },
    {
      err: awsError('UsernameExistsException', 'User account already exists'),
      code: 'AUTH',
      message: /already exists/,
    },
    {
      err: awsError('ResourceNotFoundException', 'User pool client abc does not exist.'),
      code: 'INVALID_CONFIG',
      message: /^The backend configuration looks wrong: User pool client abc does not exist\.$/,
    },
    {
      err: Object.assign(new Error('Network error'), { code: 'NetworkError' }),
      code: 'NETWORK',
      message: /Can’t reach the sign-in service/,
    },
    {
      err: new TypeError('Failed to fetch'),
      code: 'NETWORK',
      message: /Can’t reach the sign-in service/,
    },
    { err: awsError('InternalErrorException', 'boom'), code: 'NETWORK', message: /Can’t reach/ },
  ])('$err.name: $code', ({ err, code, message }) => {
    const mapped = cognitoError(err);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
    expect(mapped.reason).toBe(
      err instanceof TypeError ? 'NetworkError' : (err as unknown as { code: string }).code,
    );
  });

  it.each([
    { err: new TypeError('Failed to fetch'), transient: true },
    { err: Object.assign(new Error('x'), { code: 'Err', statusCode: 503 }), transient: true },
    { err: awsError('NotAuthorizedException', 'Refresh Token has been revoked'), transient: false },
    { err: awsError('ResourceNotFoundException'), transient: false },
  ])('transient: $transient for $err.message', ({ err, transient }) => {
    expect(isTransient(err)).toBe(transient);
  });
});
