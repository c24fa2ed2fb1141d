import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApiHandler } from '../api/handler';
import { createApiGateway } from './apiGateway';
import { IdentityPool, UserPool } from './cognito';
import { localBackendConfig, writeBackendConfig, type BackendConfig } from './config';
import { secureDataDir } from './dataDir';
import { ensureJournalTable, startDynamo } from './dynamo';
import { resolveOptions, type StackOptions } from './options';
import { createStackServer } from './server';
import { migrateOwnerKeys } from './migrateOwners';
import { loadOrCreateStackIds, newStackIds } from './stackIds';

export type { BackendConfig } from './config';
export type { StackOptions } from './options';

export const REGION = 'us-east-1';
export const STAGE = 'prod';
export const TABLE_NAME = 'journal';

export interface RunningStack {
  port: number;
  url: string;
  config: BackendConfig;
  /** Where local-config.json was written; null in memory. */
  configPath: string | null;
  demoUser: { email: string; password: string };
  /** The User Pool's MFA setting (JOURNAL_MFA). */
  mfa: 'optional' | 'required';
  close(): Promise<void>;
}

/** Contract 1: Cognito User Pool, Identity Pool and API Gateway + journal API on one local port. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const opts = resolveOptions(options);
  const { dataDir, now, log } = opts;
  if (dataDir) secureDataDir(dataDir);
  const ids = dataDir ? loadOrCreateStackIds(dataDir, REGION) : newStackIds(REGION);
  const demoUser = { email: opts.demoEmail, password: opts.demoPassword ?? ids.demoPassword };
  let baseUrl = '';

  const dynamo = await startDynamo(dataDir ? join(dataDir, 'dynamodb') : null, REGION, log);
  try {
    await ensureJournalTable(dynamo.client, TABLE_NAME);
    dynamo.watch();
    const userPool = await UserPool.create({
      region: REGION,
      userPoolId: ids.userPoolId,
      clientId: ids.userPoolClientId,
      dataDir,
      issuer: () => `${baseUrl}/${ids.userPoolId}`,
      tokenTtlS: opts.tokenTtlS,
      mfa: opts.mfa,
      log,
      now,
    });
    const identityPool = await IdentityPool.create({
      region: REGION,
      identityPoolId: ids.identityPoolId,
      providerName: `cognito-idp.${REGION}.amazonaws.com/${ids.userPoolId}`,
      clientId: ids.userPoolClientId,
      verifyIdToken: (token) => userPool.verifyIdToken(token),
      serverSideTokenCheck: (claims) => userPool.checkIdTokenServerSide(claims),
      allowUnauthenticated: false,
      dataDir,
      credentialsTtlS: opts.credentialsTtlS,
      now,
    });
    await userPool.ensureUser(demoUser.email, demoUser.password);
    const migrated = await migrateOwnerKeys(dynamo.client, TABLE_NAME, (id) =>
      identityPool.subOf(id),
    );
    if (migrated.moved > 0 || migrated.unknown > 0) {
      log(
        `Journal entries keyed by Identity Pool id moved to their user's sub: ${migrated.moved}` +
          (migrated.unknown > 0
            ? ` (${migrated.unknown} of unknown identities left as they were)`
            : ''),
      );
    }

    const handler = createApiHandler({
      client: dynamo.client,
      tableName: TABLE_NAME,
      now: () => new Date(now()),
      log,
      // Handy for GraphQL tools against the local stack; the deployed Lambda keeps it off.
      introspection: true,
    });
    const gateway = createApiGateway({
      region: REGION,
      stage: STAGE,
      identityPoolId: ids.identityPoolId,
      userPoolId: ids.userPoolId,
      lookupAccessKey: (id) => identityPool.lookupAccessKey(id),
      handler,
      now,
    });
    const server = createStackServer({
      userPoolId: ids.userPoolId,
      userPool,
      identityPool,
      gateway,
      log,
      now,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
    const config = localBackendConfig(REGION, ids, baseUrl);
    const configPath = dataDir ? writeBackendConfig(dataDir, config) : null;

    return {
      port,
      url: baseUrl,
      config,
      configPath,
      demoUser,
      mfa: opts.mfa,
      async close() {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        // A request cut off above may still be talking to DynamoDB: let it finish first.
        await server.idle();
        await closed;
        await dynamo.close();
      },
    };
  } catch (error) {
    await dynamo.close();
    throw error;
  }
}
