import { describe, expect, it } from 'vitest';
import { verifySigV4, type KnownKey, type WireRequest } from '../../../backend/local/sigv4';
import { SIGNERS, type SignInput } from './signers';

const NOW = Date.UTC(2026, 0, 15, 9, 30, 0);
const KEY = {
  accessKeyId: 'ASIAEXAMPLE000000001',
  secretAccessKey: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXM=',
  sessionToken: 'session+token/with=odd chars',
};
const known: KnownKey = {
  secretAccessKey: KEY.secretAccessKey,
  sessionToken: KEY.sessionToken,
  expiration: new Date(NOW + 3600_000),
};
const URL_ = 'http://127.0.0.1:4566/prod/graphql';
const BODY = JSON.stringify({ query: '{ recentEntries { items { id } } }' });

function toWire(
  headers: Record<string, string>,
  body = BODY,
  target = '/prod/graphql',
): WireRequest {
  const pairs = Object.entries(headers).map(([n, v]) => [n, v] as const);
  if (!pairs.some(([n]) => n.toLowerCase() === 'host')) pairs.push(['host', '127.0.0.1:4566']);
  return { method: 'POST', target, headers: pairs, body };
}

const verify = (req: WireRequest, now = NOW, key: KnownKey | null = known) =>
  verifySigV4(req, {
    region: 'us-east-1',
    service: 'execute-api',
    now: () => now,
    lookup: (id) => (id === KEY.accessKeyId ? (key ?? undefined) : undefined),
  });

const input: SignInput = {
  url: URL_,
  body: BODY,
  credentials: KEY,
  region: 'us-east-1',
  date: new Date(NOW),
};

describe.each(SIGNERS)('requests signed by %s', (_name, sign) => {
  it('are accepted', async () => {
    expect(verify(toWire(await sign(input)))).toMatchObject({
      ok: true,
      accessKeyId: KEY.accessKeyId,
    });
  });

  it('are refused when the body, the path or a signed header changes', async () => {
    const headers = await sign(input);
    expect(verify(toWire(headers, BODY.replace('id', 'content')))).toMatchObject({
      ok: false,
      error: { status: 403, type: 'InvalidSignatureException' },
    });
    expect(verify(toWire(headers, BODY, '/prod/graphqlx'))).toMatchObject({
      ok: false,
      error: { type: 'InvalidSignatureException' },
    });
    const hostChanged = toWire({ ...headers, host: '127.0.0.1:4567' });
    expect(verify(hostChanged)).toMatchObject({
      ok: false,
      error: { type: 'InvalidSignatureException' },
    });
  });

  it('are refused with the wrong session token, an unknown key or expired credentials', async () => {
    const headers = await sign(input);
    const withToken = (token: string) =>
      Object.fromEntries(
        Object.entries(headers).map(([n, v]) => [
          n,
          n.toLowerCase() === 'x-amz-security-token' ? token : v,
        ]),
      );
    expect(verify(toWire(withToken(`${KEY.sessionToken}x`)))).toMatchObject({
      ok: false,
      error: {
        type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      },
    });
    expect(verify(toWire(headers), NOW, null)).toMatchObject({
      ok: false,
      error: { type: 'UnrecognizedClientException' },
    });
    expect(verify(toWire(headers), NOW, { ...known, expiration: new Date(NOW - 1) })).toMatchObject(
      {
        ok: false,
        error: {
          type: 'ExpiredTokenException',
          message: 'The security token included in the request is expired',
        },
      },
    );
  });

  it('are refused beyond 5 minutes of clock skew, either way', async () => {
    const headers = await sign(input);
    expect(verify(toWire(headers), NOW + 6 * 60_000)).toMatchObject({
      ok: false,
      error: {
        type: 'InvalidSignatureException',
        message:
          'Signature expired: 20260115T093000Z is now earlier than 20260115T093100Z (20260115T093600Z - 5 min.)',
      },
    });
    expect(verify(toWire(headers), NOW - 6 * 60_000)).toMatchObject({
      ok: false,
      error: {
        message:
          'Signature not yet current: 20260115T093000Z is still later than 20260115T092900Z (20260115T092400Z + 5 min.)',
      },
    });
    expect(verify(toWire(headers), NOW + 4 * 60_000).ok).toBe(true);
  });
});

describe('the gate', () => {
  it('asks for a signature when there is none', () => {
    expect(verify(toWire({ 'content-type': 'application/json' }))).toEqual({
      ok: false,
      error: {
        status: 403,
        type: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token',
      },
    });
  });

  it('refuses an incomplete Authorization header', () => {
    const result = verify(
      toWire({ authorization: 'Bearer abc', 'x-amz-date': '20260115T093000Z' }),
    );
    expect(result).toMatchObject({ ok: false, error: { type: 'IncompleteSignatureException' } });
    if (!result.ok) expect(result.error.message).toContain("requires 'Credential' parameter");
  });

  it('refuses a scope for another service or region, and unsigned host or date', async () => {
    const other = toWire(await SIGNERS[0]![1]({ ...input, region: 'eu-west-1' }));
    expect(verify(other)).toMatchObject({
      ok: false,
      error: { type: 'InvalidSignatureException' },
    });
    const headers = await SIGNERS[0]![1](input);
    const auth = headers['Authorization'] ?? '';
    const noHost = {
      ...headers,
      Authorization: auth.replace(
        'SignedHeaders=content-length;content-type;host;',
        'SignedHeaders=content-length;content-type;',
      ),
    };
    expect(verify(toWire(noHost))).toMatchObject({
      ok: false,
      error: { type: 'IncompleteSignatureException' },
    });
    const s3 = { ...headers, Authorization: auth.replace('/execute-api/', '/s3/') };
    expect(verify(toWire(s3))).toMatchObject({
      ok: false,
      error: { message: "Credential should be scoped to correct service: 'execute-api'." },
    });
  });

  it('refuses a session token sent with a key that has none', async () => {
    const headers = await SIGNERS[0]![1](input);
    expect(verify(toWire(headers), NOW, { secretAccessKey: KEY.secretAccessKey })).toMatchObject({
      ok: false,
      error: { type: 'UnrecognizedClientException' },
    });
  });
});
