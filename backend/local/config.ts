import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendConfig } from '../../src/shared/config';
import type { StackIds } from './stackIds';

export type { BackendConfig };

export const CONFIG_FILE = 'local-config.json';

/** Contract 2 for the stack at `baseUrl` (`http://127.0.0.1:<port>`). */
export function localBackendConfig(region: string, ids: StackIds, baseUrl: string): BackendConfig {
  return {
    region,
    userPoolId: ids.userPoolId,
    userPoolClientId: ids.userPoolClientId,
    identityPoolId: ids.identityPoolId,
    graphqlUrl: `${baseUrl}/prod/graphql`,
    cognitoIdpEndpoint: `${baseUrl}/`,
    cognitoIdentityEndpoint: `${baseUrl}/`,
  };
}

export function writeBackendConfig(dataDir: string, config: BackendConfig): string {
  const path = join(dataDir, CONFIG_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return path;
}
