/**
 * A small AWS behind `fetch`, answering as the real services do (real Responses, AWS error shapes):
 * the Identity Pool's GetId / GetCredentialsForIdentity and an API Gateway that checks the
 * signature's clock window and the credentials' key, in front of a GraphQL endpoint.
 */
export interface FakeAwsOptions {
  serverNow: () => number;
  credentialsTtlS?: number;
  /** Whether CORS lets the worker read `Date` and `x-amzn-ErrorType` (a host permission). */
  exposeHeaders?: boolean;
  graphql?: (body: { query: string; variables: Record<string, unknown> }) => unknown;
}

const amz = (ms: number) => new Date(ms).toISOString().replace(/[:-]|\.\d{3}/g, '');

export function fakeAws(opts: FakeAwsOptions) {
  const calls: string[] = [];
  const live = new Set<string>();
  let serial = 0;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const refuse = (type: string, message: string) =>
    json(
      403,
      { message },
      opts.exposeHeaders
        ? { 'x-amzn-ErrorType': type, date: new Date(opts.serverNow()).toUTCString() }
        : {},
    );

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    const target = headers.get('x-amz-target');
    if (target) {
      const op = target.split('.')[1] ?? '';
      calls.push(op);
      if (op === 'GetId') return json(200, { IdentityId: 'eu-central-1:identity-1' });
      serial += 1;
      const key = `ASIAFAKE${serial}`;
      live.add(key);
      return json(200, {
        IdentityId: body.IdentityId,
        Credentials: {
          AccessKeyId: key,
          SecretKey: `secret-${serial}`,
          SessionToken: `session-${serial}`,
          Expiration: Math.floor(opts.serverNow() / 1000) + (opts.credentialsTtlS ?? 3600),
        },
      });
    }
    calls.push(`graphql ${String(input)}`);
    const date = headers.get('x-amz-date') ?? '';
    const signedAt = Date.parse(
      date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    const now = opts.serverNow();
    if (signedAt < now - 300_000)
      return refuse(
        'InvalidSignatureException',
        `Signature expired: ${date} is now earlier than ${amz(now - 300_000)} (${amz(now)} - 5 min.)`,
      );
    const key = /Credential=([^/]+)\//.exec(headers.get('authorization') ?? '')?.[1] ?? '';
    if (!live.has(key) || headers.get('x-amz-security-token') === null)
      return refuse(
        'ExpiredTokenException',
        'The security token included in the request is expired',
      );
    const result = opts.graphql?.(body as never) ?? {
      data: { recentEntries: { items: [], nextToken: null } },
    };
    return json(200, result);
  };

  return {
    fetch,
    calls,
    count: (op: string) => calls.filter((c) => c.startsWith(op)).length,
    /** Expire every key issued so far (as an hour passing would). */
    expireAll: () => live.clear(),
  };
}
