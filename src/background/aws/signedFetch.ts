import { AwsSigner } from 'aws-sign-web';
import type { Clock } from '../../shared/clock';
import type { StoredCredentials } from './keys';
import { classifyRefusal } from './refusal';
import { TransportError } from './transportError';

export interface SignedFetchDeps {
  clock: Clock;
  fetch: typeof fetch;
  region: string;
  credentials: () => Promise<StoredCredentials>;
  renew: (rejected: StoredCredentials) => Promise<StoredCredentials>;
  /** Server minus local clock, ms: learnt from "Signature expired" and kept across wakes. */
  offset: { get(): Promise<number>; set(ms: number): Promise<void> };
}

// aws-sign-web's default parser builds an <a> element: there is no document in a worker.
const uriParserFactory = () => (uri: string) => {
  const url = new URL(uri);
  return { protocol: url.protocol, host: url.host, path: url.pathname || '/', queryParams: {} };
};

export function signHeaders(
  creds: StoredCredentials,
  region: string,
  url: string,
  body: string,
  date: Date,
): Record<string, string> {
  const signer = new AwsSigner({
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    sessionToken: creds.sessionToken,
    region,
    service: 'execute-api',
    uriParserFactory,
  });
  const signed = signer.sign({ method: 'POST', url, body }, date) as Record<string, unknown>;
  // Some of its values are undefined, which fetch would send as the string "undefined".
  return Object.fromEntries(
    Object.entries(signed).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * A fetch for graphql-request that SigV4-signs each POST. On "Signature expired" it corrects the
 * clock offset and retries once; on expired or unknown credentials it renews them and retries once.
 */
export function signedFetch(deps: SignedFetchDeps): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = typeof init?.body === 'string' ? init.body : '';
    let creds = await deps.credentials();
    let skewRetried = false;
    let credsRetried = false;
    for (;;) {
      const date = new Date(deps.clock() + (await deps.offset.get()));
      let response: Response;
      try {
        response = await deps.fetch(url, {
          method: 'POST',
          headers: signHeaders(creds, deps.region, url, body, date),
          body,
          ...(init?.signal ? { signal: init.signal } : {}),
        });
      } catch (err) {
        throw new TransportError(err);
      }
      if (response.status !== 403) return response;
      const refusal = classifyRefusal(response.headers, await response.clone().text());
      if (refusal.kind === 'skew' && !skewRetried && refusal.serverTime !== null) {
        skewRetried = true;
        await deps.offset.set(refusal.serverTime - deps.clock());
        continue;
      }
      if (refusal.kind === 'credentials' && !credsRetried) {
        credsRetried = true;
        creds = await deps.renew(creds);
        continue;
      }
      return response;
    }
  };
}
