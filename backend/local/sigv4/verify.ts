import { timingSafeEqual } from 'node:crypto';
import { formatAmzDate, parseAmzDate } from './amzDate';
import {
  canonicalRequest,
  headerValue,
  parseAuthorization,
  sha256Hex,
  signature,
  signingKey,
  stringToSign,
  type WireRequest,
} from './canonical';
import {
  expiredToken,
  incomplete,
  invalidSignature,
  missingToken,
  signatureMismatch,
  unrecognizedClient,
  type GatewayError,
} from './errors';

/** What the verifier needs to know about an access key. */
export interface KnownKey {
  secretAccessKey: string;
  /** Temporary credentials: the request must carry exactly this token. */
  sessionToken?: string;
  expiration?: Date;
}

export interface VerifyOptions<K extends KnownKey> {
  region: string;
  service: string;
  lookup: (accessKeyId: string) => K | undefined;
  now: () => number;
  /** Every service but S3 normalizes the path; the test suite checks the other form too. */
  normalizePath?: boolean;
}

export type VerifyResult<K> =
  { ok: true; accessKeyId: string; key: K } | { ok: false; error: GatewayError };

const SKEW_MS = 5 * 60 * 1000;

const sameBytes = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

function skewError(amzDate: string, signedAt: number, now: number): GatewayError | undefined {
  if (signedAt < now - SKEW_MS) {
    return invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - SKEW_MS)} ` +
        `(${formatAmzDate(now)} - 5 min.)`,
    );
  }
  if (signedAt > now + SKEW_MS) {
    return invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + SKEW_MS)} ` +
        `(${formatAmzDate(now)} + 5 min.)`,
    );
  }
  return undefined;
}

/**
 * Checks a header-signed SigV4 request in API Gateway's order: a signature at all, a complete one,
 * its scope, the key, its session token and expiry, the clock window, then the signature itself.
 */
export function verifySigV4<K extends KnownKey>(
  req: WireRequest,
  opts: VerifyOptions<K>,
): VerifyResult<K> {
  const fail = (error: GatewayError): VerifyResult<K> => ({ ok: false, error });
  const authorization = headerValue(req, 'authorization');
  if (authorization === undefined) return fail(missingToken());

  const parsed = parseAuthorization(authorization.trim());
  const amzDate = headerValue(req, 'x-amz-date')?.trim();
  if (!parsed.ok || amzDate === undefined) {
    const missing = parsed.ok ? [] : parsed.missing;
    const parts = missing.map((p) => `Authorization header requires '${p}' parameter.`);
    if (amzDate === undefined) {
      parts.push(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      );
    }
    return fail(incomplete(`${parts.join(' ')} Authorization=${authorization}`));
  }
  const { auth } = parsed;
  if (!auth.signedHeaders.includes('host')) {
    return fail(
      incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
    );
  }
  if (!auth.signedHeaders.includes('x-amz-date')) {
    return fail(incomplete("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization."));
  }
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    return fail(incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`));
  }
  if (auth.date !== amzDate.slice(0, 8)) {
    return fail(
      invalidSignature(
        'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ' +
          `'${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      ),
    );
  }
  if (auth.terminator !== 'aws4_request') {
    return fail(
      invalidSignature(
        `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`,
      ),
    );
  }
  if (auth.service !== opts.service) {
    return fail(
      invalidSignature(`Credential should be scoped to correct service: '${opts.service}'.`),
    );
  }
  if (auth.region !== opts.region) {
    return fail(
      invalidSignature(`Credential should be scoped to a valid region, not '${auth.region}'.`),
    );
  }

  const key = opts.lookup(auth.accessKeyId);
  if (!key) return fail(unrecognizedClient());
  const token = headerValue(req, 'x-amz-security-token')?.trim();
  if (
    key.sessionToken !== undefined &&
    (token === undefined || !sameBytes(token, key.sessionToken))
  ) {
    return fail(unrecognizedClient());
  }
  if (key.sessionToken === undefined && token !== undefined) return fail(unrecognizedClient());
  const now = opts.now();
  if (key.expiration && key.expiration.getTime() <= now) return fail(expiredToken());
  const skew = skewError(amzDate, signedAt, now);
  if (skew) return fail(skew);

  const canonical = canonicalRequest(req, auth.signedHeaders, opts.normalizePath ?? true);
  const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`;
  const toSign = stringToSign(amzDate, scope, canonical);
  const expected = signature(
    signingKey(key.secretAccessKey, auth.date, auth.region, auth.service),
    toSign,
  );
  // A signed x-amz-content-sha256 vouches for the body only if the body really hashes to it.
  const declared = headerValue(req, 'x-amz-content-sha256')?.trim();
  const bodyMatches = declared === undefined || declared === sha256Hex(req.body);
  if (!sameBytes(expected, auth.signature) || !bodyMatches) {
    return fail(signatureMismatch(canonical, toSign));
  }
  return { ok: true, accessKeyId: auth.accessKeyId, key };
}
