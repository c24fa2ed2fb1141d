import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeNextToken, encodeNextToken, type EntryKey } from '../../../backend/api/cursor';

const me = 'us-east-1:aaaaaaaa-0000-0000-0000-000000000001';
const other = 'us-east-1:bbbbbbbb-0000-0000-0000-000000000002';
const key: EntryKey = { pk: me, sk: 'entry-1', createdSk: '2024-05-01T09:30:00.000Z#entry-1' };

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function refusal(token: string, identity = me): string {
  try {
    decodeNextToken(token, identity);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).message;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('nextToken', () => {
  it.each<[string, EntryKey]>([
    ['a plain key', key],
    [
      'an identity with odd characters',
      { pk: 'eu-central-1:ü/+=', sk: 'x', createdSk: '2024-05-01T09:30:00.000Z#x' },
    ],
    ['a key with extra order of fields', { createdSk: key.createdSk, sk: key.sk, pk: key.pk }],
  ])('round-trips %s', (_name, value) => {
    const token = encodeNextToken(value);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeNextToken(token, value.pk)).toEqual(value);
  });

  it('leaves out anything but the key', () => {
    const token = encodeNextToken({ ...key, content: 'secret' } as EntryKey);
    expect(Buffer.from(token, 'base64url').toString()).not.toContain('secret');
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%^'],
    ['padding', `${b64(key)}==`],
    [
      'standard base64 alphabet',
      Buffer.from(JSON.stringify(key))
        .toString('base64')
        .replace(/[^+/]$/, '+'),
    ],
    ['not JSON', b64('not json')],
    ['JSON null', b64(null)],
    ['JSON array', b64([key.pk, key.sk])],
    ['JSON string', b64('"abc"')],
    ['missing createdSk', b64({ pk: me, sk: key.sk })],
    ['extra field', b64({ ...key, extra: 1 })],
    ['number sk', b64({ ...key, sk: 1 })],
    ['empty pk', b64({ ...key, pk: '' })],
    ['bad id in sk', b64({ pk: me, sk: 'a#b', createdSk: '2024#a#b' })],
    ['createdSk of another entry', b64({ ...key, createdSk: '2024-05-01T09:30:00.000Z#entry-2' })],
    ['createdSk with no date', b64({ ...key, createdSk: '#entry-1' })],
    ['too long', 'A'.repeat(5_000)],
    // Under the token's length limit, but over DynamoDB's 1,024-byte sort key: was a 500.
    ['over-long createdSk', b64({ ...key, createdSk: `${'9'.repeat(1_100)}#${key.sk}` })],
    ['createdSk not a canonical date', b64({ ...key, createdSk: `2024-05-01#${key.sk}` })],
    ['over-long pk', b64({ ...key, pk: `${me}${'x'.repeat(200)}` })],
  ])('refuses a malformed token: %s', (_name, token) => {
    expect(refusal(token)).toBe(
      'nextToken is not one this API gave out. Start again without a nextToken.',
    );
  });

  it("refuses another identity's token", () => {
    const token = encodeNextToken({ ...key, pk: other });
    expect(refusal(token)).toBe(
      "nextToken belongs to another account's journal. Start again without a nextToken.",
    );
  });
});
