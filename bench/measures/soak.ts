import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startStack, type RunningStack } from '../../backend/local';
import { CREDENTIALS_FILE } from '../../backend/local/cognito/credentialLog';
import type { Figure } from '../report';
import { credentialsFor, signedGraphql } from './signedClient';

const LIST = '{ recentEntries(limit: 20) { items { id createDate content } nextToken } }';
const CREATE = 'mutation Create($content: String!) { createEntry(content: $content) { id } }';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/**
 * The stack on disk (as `npm run stack` runs it) under sustained list traffic: heap after GC
 * before and after `calls` signed recentEntries calls (4 in flight), in this process.
 */
async function soakLists(stack: RunningStack, calls: number): Promise<Figure[]> {
  const creds = await credentialsFor(stack, stack.demoUser.email, stack.demoUser.password);
  for (let i = 0; i < 40; i++)
    await signedGraphql(stack, creds, CREATE, { content: `soak ${i} ${'text '.repeat(40)}` });
  const run = async (n: number) => {
    let left = n;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (left-- > 0) await signedGraphql(stack, creds, LIST);
      }),
    );
  };
  await run(1000); // warm: JIT, pools, caches
  const start = heapAfterGc();
  await run(calls / 2);
  const middle = heapAfterGc();
  await run(calls / 2);
  const end = heapAfterGc();
  return [
    {
      name: 'soakHeapMB.end',
      unit: 'MB',
      value: Number(mb(end)),
      note: `heap after GC: ${mb(start)} MB after 1,000 warm-up calls, ${mb(middle)} after ${calls / 2} more, ${mb(end)} after ${calls}`,
    },
    {
      name: 'soakHeapGrowthKB',
      unit: 'KB',
      value: Math.round((end - start) / 1024),
      note: `over ${calls} list calls on disk (second half: ${Math.round((end - middle) / 1024)} KB)`,
    },
  ];
}

/** Bytes the Identity Pool writes per GetCredentialsForIdentity: over the first 100 calls, and at 2,000. */
async function identityWrites(stack: RunningStack, dataDir: string): Promise<Figure[]> {
  const { config } = stack;
  const idp = new CognitoIdentityProviderClient({
    region: config.region,
    endpoint: config.cognitoIdpEndpoint,
  });
  const identity = new CognitoIdentityClient({
    region: config.region,
    endpoint: config.cognitoIdentityEndpoint,
  });
  try {
    const auth = await idp.send(
      new InitiateAuthCommand({
        ClientId: config.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: stack.demoUser.email, PASSWORD: stack.demoUser.password },
      }),
    );
    const Logins = {
      [`cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`]:
        auth.AuthenticationResult?.IdToken ?? '',
    };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: config.identityPoolId, Logins }),
    );
    // What a call writes: what the credential log grows by, plus the identities file if rewritten.
    const files = [join(dataDir, CREDENTIALS_FILE), join(dataDir, 'cognito-identity-pool.json')];
    const look = () => files.map((f) => statSync(f, { throwIfNoEntry: false }));
    const written = async (calls: number): Promise<number> => {
      const [log0, json0] = look();
      for (let i = 0; i < calls; i++)
        await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
      const [log1, json1] = look();
      const rewritten = json1 && json1.mtimeMs !== json0?.mtimeMs ? json1.size * calls : 0;
      return ((log1?.size ?? 0) - (log0?.size ?? 0) + rewritten) / calls;
    };
    const first = await written(100);
    await written(1800);
    const later = await written(100);
    return [
      { name: 'identityWriteBytesPerCall.first100', unit: 'B', value: Math.round(first) },
      { name: 'identityWriteBytesPerCall.at2000', unit: 'B', value: Math.round(later) },
      {
        name: 'identityWriteGrowthRatio',
        unit: '×',
        value: later / first,
        note: 'bytes per GetCredentialsForIdentity at 2,000 calls ÷ first 100',
      },
    ];
  } finally {
    idp.destroy();
    identity.destroy();
  }
}

export async function measureSoak(calls = 8_000): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'journal-soak-'));
  try {
    const stack = await startStack({ port: 0, dataDir, log: () => {} });
    try {
      return [...(await soakLists(stack, calls)), ...(await identityWrites(stack, dataDir))];
    } finally {
      await stack.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
