import {
  cognitoIdentityEndpoint,
  cognitoIdpEndpoint,
  parseConfig,
  type BackendConfig,
} from '../../shared/config';
import { JournalError } from '../../shared/errors';
import type { ConfigSource } from '../../shared/protocol';
import { configKey } from './keys';

// `define`d by vite; absent (undefined) only if some build forgets it.
const buildDefault = (): BackendConfig | null =>
  typeof __JOURNAL_DEFAULT_CONFIG__ === 'undefined' ? null : __JOURNAL_DEFAULT_CONFIG__;

/** The saved configuration, else the one baked into the build, else none. */
export async function loadConfig(): Promise<{
  config: BackendConfig | null;
  source: ConfigSource;
}> {
  const saved = await configKey.get();
  if (saved) return { config: saved, source: 'saved' };
  const built = buildDefault();
  return built ? { config: built, source: 'build' } : { config: null, source: 'none' };
}

/** Two configurations name the same backend when every service they reach is the same. */
export function sameBackend(a: BackendConfig, b: BackendConfig): boolean {
  return (
    a.region === b.region &&
    a.userPoolId === b.userPoolId &&
    a.userPoolClientId === b.userPoolClientId &&
    a.identityPoolId === b.identityPoolId &&
    a.graphqlUrl === b.graphqlUrl &&
    cognitoIdpEndpoint(a) === cognitoIdpEndpoint(b) &&
    cognitoIdentityEndpoint(a) === cognitoIdentityEndpoint(b)
  );
}

/** Parses first: a malformed paste is refused naming the field, and the saved config stays. */
export function parseOrThrow(json: string): BackendConfig {
  const result = parseConfig(json);
  if (!result.ok)
    throw new JournalError({
      code: 'INVALID_CONFIG',
      message: result.message,
      reason: result.field,
    });
  return result.config;
}

export async function saveConfig(config: BackendConfig): Promise<void> {
  await configKey.set(config);
}
