import { createHash, createHmac } from 'node:crypto';
import { canonicalPath, canonicalQuery } from './encode';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

/** A request as it arrived: the request-target as sent (path and query), headers as raw pairs. */
export interface WireRequest {
  method: string;
  target: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array | string;
}

export interface AuthorizationHeader {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

export const sha256Hex = (data: Uint8Array | string): string =>
  createHash('sha256').update(data).digest('hex');

const hmac = (key: Uint8Array | string, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/** All values of one header (case-insensitive name), in the order they came. */
export function headerValues(req: WireRequest, name: string): string[] {
  const lower = name.toLowerCase();
  return req.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

export function headerValue(req: WireRequest, name: string): string | undefined {
  const values = headerValues(req, name);
  return values.length === 0 ? undefined : values.join(',');
}

/** Splits the request-target into its path and query string. */
export function splitTarget(target: string): { path: string; query: string } {
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: '' }
    : { path: target.slice(0, q), query: target.slice(q + 1) };
}

// Values are trimmed and inner runs of whitespace (also folded lines) become one space.
const canonicalValue = (value: string): string => value.trim().replace(/\s+/g, ' ');

export function canonicalHeaders(req: WireRequest, signedHeaders: readonly string[]): string {
  return signedHeaders
    .map((name) => `${name}:${headerValues(req, name).map(canonicalValue).join(',')}\n`)
    .join('');
}

/** The payload hash the signer put in the canonical request. */
export function payloadHash(req: WireRequest): string {
  return headerValue(req, 'x-amz-content-sha256')?.trim() ?? sha256Hex(req.body);
}

export function canonicalRequest(
  req: WireRequest,
  signedHeaders: readonly string[],
  normalize = true,
): string {
  const { path, query } = splitTarget(req.target);
  return [
    req.method.toUpperCase(),
    canonicalPath(path, normalize),
    canonicalQuery(query),
    canonicalHeaders(req, signedHeaders),
    signedHeaders.join(';'),
    payloadHash(req),
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

export function signature(key: Buffer, toSign: string): string {
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b,
 * Signature=hex`. Returns the names of the missing parameters when it is not complete.
 */
export function parseAuthorization(
  value: string,
): { ok: true; auth: AuthorizationHeader } | { ok: false; missing: string[] } {
  const params = new Map<string, string>();
  const rest = value.startsWith(`${ALGORITHM} `) ? value.slice(ALGORITHM.length + 1) : '';
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = params.get('Credential');
  const signed = params.get('SignedHeaders');
  const sig = params.get('Signature');
  const missing = [
    ...(credential ? [] : ['Credential']),
    ...(sig ? [] : ['Signature']),
    ...(signed ? [] : ['SignedHeaders']),
  ];
  const scope = credential?.split('/') ?? [];
  if (missing.length > 0 || !credential || !signed || !sig || scope.length !== 5) {
    return { ok: false, missing: missing.length > 0 ? missing : ['Credential'] };
  }
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = scope;
  return {
    ok: true,
    auth: {
      accessKeyId,
      date,
      region,
      service,
      terminator,
      signedHeaders: signed.split(';').map((h) => h.trim().toLowerCase()),
      signature: sig.toLowerCase(),
    },
  };
}
