import { randomBytes, randomInt } from 'node:crypto';

/** Temporary credentials as kept by the Identity Pool and looked up by the SigV4 check. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number; // ms
  identityId: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** STS-shaped: 'ASIA' + 16 upper-case alphanumerics, a 40-character secret, a long opaque session token. */
export function newCredentials(identityId: string, expiresAt: number): IssuedCredentials {
  let suffix = '';
  for (let i = 0; i < 16; i++) suffix += ALNUM.charAt(randomInt(ALNUM.length));
  return {
    accessKeyId: `ASIA${suffix}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(300).toString('base64'),
    expiresAt,
    identityId,
  };
}
