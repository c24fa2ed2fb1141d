import { describe, expect, it } from 'vitest';
import { classifyRefusal, parseAmzDate, serverTime } from '../../../../src/background/aws/refusal';

const EXPIRED =
  'Signature expired: 20240101T110000Z is now earlier than 20240101T115500Z (20240101T120000Z - 5 min.)';
const EARLY =
  'Signature not yet current: 20240101T130000Z is still later than 20240101T120500Z (20240101T120000Z + 5 min.)';
const NOON = Date.UTC(2024, 0, 1, 12, 0, 0);

const headers = (h: Record<string, string | undefined> = {}) =>
  new Headers(Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined));
const body = (type: string, message: string) => JSON.stringify({ __type: type, message });

describe('the server time behind a "Signature expired"', () => {
  it.each([
    { from: 'Date header', date: 'Mon, 01 Jan 2024 12:00:00 GMT', message: '', want: NOON },
    { from: 'message, expired', date: null, message: EXPIRED, want: NOON },
    { from: 'message, not yet current', date: null, message: EARLY, want: NOON },
    { from: 'garbage Date, message', date: 'soon', message: EXPIRED, want: NOON },
    { from: 'nothing', date: null, message: 'Forbidden', want: null },
  ])('from $from', ({ date, message, want }) => {
    expect(serverTime(date, message)).toBe(want);
  });

  it('parses an amz date', () => {
    expect(parseAmzDate('20240101T120000Z')).toBe(NOON);
    expect(parseAmzDate('2024-01-01')).toBeNull();
  });
});

describe('classifying a 403', () => {
  it.each([
    {
      case: 'skew, headers visible',
      h: { 'x-amzn-errortype': 'InvalidSignatureException', date: 'Mon, 01 Jan 2024 12:00:00 GMT' },
      b: JSON.stringify({ message: EXPIRED }),
      want: { kind: 'skew', serverTime: NOON },
    },
    {
      case: 'skew, CORS hid the headers',
      h: {},
      b: JSON.stringify({ message: EXPIRED }),
      want: { kind: 'skew', serverTime: NOON },
    },
    {
      case: 'expired token by header',
      h: { 'x-amzn-errortype': 'ExpiredTokenException:http://internal' },
      b: '{}',
      want: { kind: 'credentials', type: 'ExpiredTokenException' },
    },
    {
      case: 'expired token by message only',
      h: {},
      b: JSON.stringify({ message: 'The security token included in the request is expired' }),
      want: { kind: 'credentials', type: 'ExpiredTokenException' },
    },
    {
      case: 'unknown key by body type',
      h: {},
      b: body(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      ),
      want: { kind: 'credentials', type: 'UnrecognizedClientException' },
    },
    {
      case: 'a wrong signature is not retried',
      h: { 'x-amzn-errortype': 'InvalidSignatureException' },
      b: JSON.stringify({ message: 'The request signature we calculated does not match' }),
      want: { kind: 'other', type: 'InvalidSignatureException' },
    },
    { case: 'HTML', h: {}, b: '<html>no</html>', want: { kind: 'other', type: 'Forbidden' } },
  ])('$case', ({ h, b, want }) => {
    expect(classifyRefusal(headers(h), b)).toEqual(want);
  });
});
