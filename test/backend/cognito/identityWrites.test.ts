import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CREDENTIALS_FILE } from '../../../backend/local/cognito/credentialLog';
import {
  CLIENT_ID,
  IDENTITY_POOL_ID,
  PASSWORD,
  PROVIDER,
  failure,
  startStack,
  type Stack,
} from './fixture';

// Every GetCredentialsForIdentity rewrote the whole Identity Pool file, which grew with every call
// (2.6 MB after 4,000 calls). Now a call appends one line of constant size, and the identities file
// is written only when an identity is added.

let dir: string;
let stack: Stack;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cognito-writes-'));
  stack = await startStack({ dataDir: dir });
  await stack.userPool.ensureUser('ann@example.com', PASSWORD);
});
afterEach(async () => {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signedIn() {
  const auth = await stack.idp.send(
    new InitiateAuthCommand({
      ClientId: CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ann@example.com', PASSWORD },
    }),
  );
  const Logins = { [PROVIDER]: auth.AuthenticationResult?.IdToken ?? '' };
  const { IdentityId } = await stack.identity.send(
    new GetIdCommand({ IdentityPoolId: IDENTITY_POOL_ID, Logins }),
  );
  const credentials = () =>
    stack.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  return { credentials };
}

it('writes a constant amount per credentials call and leaves the identities file alone', async () => {
  const { credentials } = await signedIn();
  const identities = join(dir, 'cognito-identity-pool.json');
  const log = join(dir, CREDENTIALS_FILE);
  const before = readFileSync(identities, 'utf8');
  const size = () => statSync(log, { throwIfNoEntry: false })?.size ?? 0;
  const s0 = size();
  for (let i = 0; i < 100; i++) await credentials();
  const s1 = size();
  for (let i = 0; i < 300; i++) await credentials();
  const s2 = size();
  for (let i = 0; i < 100; i++) await credentials();
  const s3 = size();
  expect(readFileSync(identities, 'utf8')).toBe(before);
  const first = (s1 - s0) / 100;
  const later = (s3 - s2) / 100;
  expect(first).toBeGreaterThan(400); // one line of credentials
  expect(first).toBeLessThan(800);
  expect(Math.abs(later - first)).toBeLessThan(8);
  expect((statSync(log).mode & 0o777).toString(8)).toBe('600');
});

it('keeps credentials across a restart, drops a line cut off by a crash, and refuses a damaged one', async () => {
  const { credentials } = await signedIn();
  const key = (await credentials()).Credentials?.AccessKeyId ?? '';
  const log = join(dir, CREDENTIALS_FILE);
  await stack.close();
  appendFileSync(log, '{"accessKeyId":"ASIACUTOFF'); // a write cut off by SIGKILL
  stack = await startStack({ dataDir: dir, clock: stack.clock });
  expect(stack.identityPool.lookupAccessKey(key)).toBeDefined();
  expect(readFileSync(log, 'utf8')).not.toContain('CUTOFF');
  await stack.close();
  writeFileSync(log, `garbage\n${readFileSync(log, 'utf8')}`);
  expect(await failure(startStack({ dataDir: dir }))).toMatch(
    new RegExp(`damaged: ${log}: line 1 is not valid JSON`),
  );
  rmSync(log);
  stack = await startStack({ dataDir: dir });
});
