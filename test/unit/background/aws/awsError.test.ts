import { describe, expect, it } from 'vitest';
import { awsErrorOf } from '../../../../src/background/aws/awsError';

const headers = (type?: string) => new Headers(type ? { 'x-amzn-ErrorType': type } : {});

describe('awsErrorOf', () => {
  it.each([
    [
      'the header, without its uri',
      headers('ExpiredTokenException:http://internal.amazon.com/'),
      {},
      'ExpiredTokenException',
    ],
    [
      'the body’s __type when CORS hides the header',
      headers(),
      { __type: 'com.amazonaws#NotAuthorizedException' },
      'NotAuthorizedException',
    ],
    [
      'a plain __type',
      headers(),
      { __type: 'ResourceNotFoundException' },
      'ResourceNotFoundException',
    ],
    ['nothing', headers(), { message: 'x' }, null],
    ['a body that is not an object', headers(), 'Forbidden', null],
  ])('reads the type from %s', (_, h, body, type) => {
    expect(awsErrorOf(h, body).type).toBe(type);
  });

  it.each([
    [{ message: 'lower' }, 'lower'],
    [{ Message: 'Upper' }, 'Upper'],
    [{ message: 'lower', Message: 'Upper' }, 'lower'],
    [{}, ''],
  ])('reads the message from %j', (body, message) => {
    expect(awsErrorOf(headers(), body).message).toBe(message);
  });
});
