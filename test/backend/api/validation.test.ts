import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  countCharacters,
  formatCount,
  parseCreateDate,
  validateAttachments,
  validateContent,
  validateId,
  validateLimit,
} from '../../../backend/api/validation';

/** The BAD_USER_INPUT message `fn` throws, or fails. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).message;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('validateContent', () => {
  it.each([
    ['a', 'a'],
    ['  padded  ', '  padded  '],
    ['x'.repeat(65_536), 'x'.repeat(65_536)],
    ['😀'.repeat(65_536), '😀'.repeat(65_536)], // 131,072 UTF-16 units, 65,536 characters
  ])('accepts %#', (input, stored) => {
    expect(validateContent(input)).toBe(stored);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['\n\t \u00a0\u2003', /empty/],
    ['x'.repeat(65_537), /^Entry is 65,537 characters; the limit is 65,536\.$/],
    ['x'.repeat(70_001), /^Entry is 70,001 characters; the limit is 65,536\.$/],
    ['😀'.repeat(65_537), /^Entry is 65,537 characters/],
  ])('refuses %#', (input, message) => {
    expect(refusal(() => validateContent(input))).toMatch(message);
  });
});

describe('validateId', () => {
  it.each(['a', 'A-z_0-9', '3f1c2d9e-8b7a-4c1e-9f00-123456789abc', 'x'.repeat(128)])(
    'accepts %s',
    (id) => expect(validateId(id)).toBe(id),
  );
  it.each(['', 'x'.repeat(129), 'a#b', 'a b', 'entry/1', 'é', 'a\n'])('refuses %j', (id) => {
    expect(refusal(() => validateId(id))).toMatch(/^id must be 1 to 128 characters/);
  });
});

describe('parseCreateDate', () => {
  it.each([
    ['2024-05-01T09:30:00Z', '2024-05-01T09:30:00.000Z'],
    ['2024-05-01T09:30:00.123Z', '2024-05-01T09:30:00.123Z'],
    ['2024-05-01T09:30:00.1Z', '2024-05-01T09:30:00.100Z'],
    ['2024-05-01T09:30:00.123456789Z', '2024-05-01T09:30:00.123Z'],
    ['2024-05-01T09:30Z', '2024-05-01T09:30:00.000Z'],
    ['2024-05-01t09:30:00z', '2024-05-01T09:30:00.000Z'],
    ['2024-05-01T09:30:00+02:00', '2024-05-01T07:30:00.000Z'],
    ['2024-05-01T09:30:00-0530', '2024-05-01T15:00:00.000Z'],
    ['2024-01-01T00:30:00+01:00', '2023-12-31T23:30:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(parseCreateDate(input)).toBe(canonical);
  });

  it.each([
    '',
    'yesterday',
    '2024-05-01', // no time
    '2024-05-01T09:30:00', // no time zone
    '2024-05-01 09:30:00Z',
    '2023-02-29T12:00:00Z', // not a leap year
    '1900-02-29T12:00:00Z',
    '2024-04-31T12:00:00Z',
    '2024-13-01T12:00:00Z',
    '2024-00-10T12:00:00Z',
    '2024-05-00T12:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T12:60:00Z',
    '2024-05-01T12:00:60Z',
    '2024-05-01T12:00:00+24:00',
    '2024-05-01T12:00:00+02:60',
    '0099-05-01T12:00:00Z',
    '+02024-05-01T12:00:00Z',
    '1714555800000',
    'Wed, 01 May 2024 09:30:00 GMT',
  ])('refuses %j', (input) => {
    expect(refusal(() => parseCreateDate(input))).toMatch(
      /^createDate must be an ISO-8601 date and time with a time zone, like 2024-05-01T09:30:00Z; got /,
    );
  });

  it('quotes a long value only in part', () => {
    const message = refusal(() => parseCreateDate('x'.repeat(10_000)));
    expect(message.length).toBeLessThan(200);
  });
});

describe('validateLimit', () => {
  it.each([
    [undefined, 20],
    [null, 20],
    [1, 1],
    [20, 20],
    [100, 100],
  ])('takes %j as %j', (input, limit) => expect(validateLimit(input)).toBe(limit));

  it.each([0, -1, 101, 1000, 1.5])('refuses %j', (input) => {
    expect(refusal(() => validateLimit(input))).toBe(
      `limit must be between 1 and 100; got ${input}.`,
    );
  });
});

describe('validateAttachments', () => {
  it.each([
    [undefined, []],
    [null, []],
    [[], []],
    [
      [
        { position: 0, url: 'https://example.com/a.png' },
        { position: 3, url: 'http://example.com/b?x=1#y' },
      ],
      [
        { position: 0, url: 'https://example.com/a.png' },
        { position: 3, url: 'http://example.com/b?x=1#y' },
      ],
    ],
  ])('accepts %#', (input, stored) => expect(validateAttachments(input)).toEqual(stored));

  it.each([
    [
      [{ position: -1, url: 'https://example.com' }],
      /^Attachment 1: position must be 0 or more; got -1\.$/,
    ],
    [
      [
        { position: 0, url: 'https://example.com' },
        { position: 1, url: 'ftp://example.com/x' },
      ],
      /^Attachment 2: url must be an http:\/\/ or https:\/\/ address; got "ftp:\/\/example.com\/x"\.$/,
    ],
    [[{ position: 0, url: 'javascript:alert(1)' }], /^Attachment 1: url must be an http/],
    [[{ position: 0, url: 'not a url' }], /^Attachment 1: url must be an http/],
    [[{ position: 0, url: '' }], /^Attachment 1: url must be an http/],
    [
      [{ position: 0, url: `https://example.com/${'a'.repeat(2_100)}` }],
      /url is 2,120 characters; the limit is 2,048/,
    ],
    [[null], /^Attachment 1 is null/],
    [
      Array.from({ length: 101 }, (_, i) => ({ position: i, url: 'https://e.com' })),
      /at most 100 attachments; got 101/,
    ],
  ])('refuses %#', (input, message) => {
    expect(refusal(() => validateAttachments(input))).toMatch(message);
  });
});

describe('counting', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [65_536, '65,536'],
    [1_234_567, '1,234,567'],
  ])('formats %d as %s', (n, text) => expect(formatCount(n)).toBe(text));

  it.each([
    ['', 0],
    ['abc', 3],
    ['😀', 1],
    ['e\u0301', 2], // code points, not grapheme clusters
  ])('counts %j as %d characters', (text, n) => expect(countCharacters(text)).toBe(n));
});
