import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  parseAuthorization,
  verifySigV4,
  type WireRequest,
} from '../../../backend/local/sigv4';
import { caseNames, parseRawRequest, readCase, readContext } from './vectors';

const names = caseNames();

function verifyAt(name: string, req: WireRequest) {
  const ctx = readContext(name);
  const { access_key_id, secret_access_key, token } = ctx.credentials;
  return verifySigV4(req, {
    region: ctx.region,
    service: ctx.service,
    normalizePath: ctx.normalize,
    now: () => Date.parse(ctx.timestamp),
    lookup: (id) =>
      id === access_key_id
        ? { secretAccessKey: secret_access_key, sessionToken: token }
        : undefined,
  });
}

function signedHeadersOf(req: WireRequest): string[] {
  const auth = req.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1] ?? '';
  const parsed = parseAuthorization(auth);
  if (!parsed.ok) throw new Error('vector without a complete Authorization header');
  return parsed.auth.signedHeaders;
}

describe("AWS's SigV4 test suite", () => {
  it('holds all 38 cases', () => {
    expect(names).toHaveLength(38);
  });

  it.each(names)('%s: the canonical request is the one AWS computes', (name) => {
    const signed = parseRawRequest(readCase(name, 'header-signed-request.txt'));
    const expected = readCase(name, 'header-canonical-request.txt');
    expect(canonicalRequest(signed, signedHeadersOf(signed), readContext(name).normalize)).toBe(
      expected,
    );
  });

  it.each(names)('%s: the signed request is accepted at its timestamp', (name) => {
    const result = verifyAt(name, parseRawRequest(readCase(name, 'header-signed-request.txt')));
    expect(result).toMatchObject({ ok: true, accessKeyId: 'AKIDEXAMPLE' });
  });

  it.each(names)('%s: changing a byte of any signed part is refused', (name) => {
    const signed = parseRawRequest(readCase(name, 'header-signed-request.txt'));
    const signedHeaders = signedHeadersOf(signed);
    const variants: WireRequest[] = [
      { ...signed, method: signed.method === 'GET' ? 'PUT' : 'GET' },
      { ...signed, target: signed.target.replace(/(\?|$)/, 'z$1') },
      { ...signed, target: `${signed.target}${signed.target.includes('?') ? '&' : '?'}extra=1` },
      ...signedHeaders
        .filter((h) => h !== 'x-amz-date' && h !== 'x-amz-security-token')
        .map((h) => ({
          ...signed,
          headers: signed.headers.map(
            ([n, v]) => [n, n.toLowerCase() === h ? `${v}x` : v] as const,
          ),
        })),
    ];
    if (
      readContext(name).credentials.token === undefined ||
      signedHeaders.includes('content-length')
    ) {
      variants.push({ ...signed, body: `${String(signed.body)}x` });
    }
    for (const variant of variants) {
      const result = verifyAt(name, variant);
      expect(result.ok, JSON.stringify(variant)).toBe(false);
    }
  });
});
