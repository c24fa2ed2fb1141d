import { describe, expect, it } from 'vitest';
import { apiError } from '../../../src/background/api/apiErrors';
import { cognitoError } from '../../../src/background/auth/cognitoErrors';
import { TransportError } from '../../../src/background/aws/transportError';
import { awsError } from './helpers';

/** Every converter keeps what it converted as `cause`: the log can name it, a debugger can open it. */
describe('errors keep their cause', () => {
  it.each([
    ['NotAuthorizedException', 'AUTH'],
    ['ResourceNotFoundException', 'INVALID_CONFIG'],
    ['InternalErrorException', 'NETWORK'],
  ])('cognitoError(%s) is %s with the original as cause', (name, code) => {
    const original = awsError(name, 'boom');
    const converted = cognitoError(original);
    expect(converted.code).toBe(code);
    expect(converted.cause).toBe(original);
  });

  it('apiError keeps the GraphQL client’s error, and the transport’s', () => {
    const clientError = Object.assign(new Error('x'), {
      response: {
        status: 200,
        errors: [{ message: 'Too long.', extensions: { code: 'BAD_USER_INPUT' } }],
      },
    });
    expect(apiError(clientError)).toMatchObject({ code: 'BAD_USER_INPUT', cause: clientError });
    const offline = new TransportError(new TypeError('Failed to fetch'));
    const converted = apiError(offline);
    expect(converted).toMatchObject({ code: 'NETWORK', cause: offline });
    expect((converted.cause as Error).cause).toBeInstanceOf(TypeError);
  });
});
