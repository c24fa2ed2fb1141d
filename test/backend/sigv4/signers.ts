/**
 * The three SigV4 signers a client of the journal might use, each turned into "the headers to send"
 * for a POST with a JSON body. `date` pins the signing time (aws-sign-web's clock-skew hook).
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import awsSignWeb from 'aws-sign-web';
import { formatAmzDate } from '../../../backend/local/sigv4';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignInput {
  url: string;
  body: string;
  credentials: SigningCredentials;
  region: string;
  date?: Date;
}

export type Signer = (input: SignInput) => Promise<Record<string, string>>;

const defined = (headers: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

export const signWithAws4: Signer = (input) => {
  const url = new URL(input.url);
  const request = aws4.sign(
    {
      host: url.host,
      path: url.pathname + url.search,
      method: 'POST',
      service: 'execute-api',
      region: input.region,
      body: input.body,
      headers: {
        'Content-Type': 'application/json',
        ...(input.date ? { 'X-Amz-Date': formatAmzDate(input.date.getTime()) } : {}),
      },
    },
    input.credentials,
  );
  return Promise.resolve(defined(request.headers ?? {}));
};

export const signWithSmithy: Signer = async (input) => {
  const url = new URL(input.url);
  const signer = new SignatureV4({
    credentials: input.credentials,
    region: input.region,
    service: 'execute-api',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host, 'content-type': 'application/json' },
      body: input.body,
    },
    input.date ? { signingDate: input.date } : {},
  );
  return defined(signed.headers);
};

// aws-sign-web reads `document` for its default URI parser: give it one built on URL, as the worker does.
const uriParserFactory = () => (uri: string) => {
  const url = new URL(uri);
  return { host: url.host, path: url.pathname, queryParams: {} as Record<string, string[]> };
};

export const signWithAwsSignWeb: Signer = (input) => {
  const signer = new awsSignWeb.AwsSigner({
    ...input.credentials,
    region: input.region,
    service: 'execute-api',
    uriParserFactory,
  });
  const headers = signer.sign(
    { method: 'POST', url: input.url, body: input.body },
    input.date,
  ) as Record<string, unknown>;
  return Promise.resolve(defined(headers));
};

export const SIGNERS: ReadonlyArray<readonly [string, Signer]> = [
  ['aws4', signWithAws4],
  ['@smithy/signature-v4', signWithSmithy],
  ['aws-sign-web', signWithAwsSignWeb],
];
