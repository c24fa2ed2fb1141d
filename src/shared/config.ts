/** The backend configuration (docs/backend-config.md), parsed strictly so a bad paste never replaces a good one. */
export interface BackendConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  graphqlUrl: string;
  cognitoIdpEndpoint?: string;
  cognitoIdentityEndpoint?: string;
}

export type ConfigResult =
  { ok: true; config: BackendConfig } | { ok: false; field: string; message: string };

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUrl(value: string, allowHttp: (host: string) => boolean): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && allowHttp(url.hostname);
  } catch {
    return false;
  }
}

// Plain http is only ever acceptable for the local stack on this machine.
const isLoopback = (host: string) =>
  host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

type Check = (value: string, all: Record<string, unknown>) => string | null;

const REQUIRED: Record<keyof BackendConfig, Check> = {
  region: (v) => (REGION.test(v) ? null : 'must be an AWS region such as "eu-central-1"'),
  userPoolId: (v, all) => {
    const [region, id] = v.split('_');
    if (!id || !/^[A-Za-z0-9]+$/.test(id) || !REGION.test(region ?? ''))
      return 'must look like "eu-central-1_AbCdEf123"';
    return region === all.region ? null : `must be in the region "${String(all.region)}"`;
  },
  userPoolClientId: (v) =>
    /^[a-z0-9]{1,128}$/i.test(v) ? null : 'must be the app client id: letters and digits',
  identityPoolId: (v, all) => {
    const [region, id] = v.split(':');
    if (!id || !UUID.test(id) || !REGION.test(region ?? ''))
      return 'must look like "eu-central-1:11111111-2222-3333-4444-555555555555"';
    return region === all.region ? null : `must be in the region "${String(all.region)}"`;
  },
  graphqlUrl: (v) =>
    isUrl(v, isLoopback) && /\/graphql\/?$/.test(new URL(v).pathname)
      ? null
      : 'must be the https URL of the API ending in /graphql',
  cognitoIdpEndpoint: (v) =>
    isUrl(v, isLoopback) ? null : 'must be an https URL (or http on 127.0.0.1)',
  cognitoIdentityEndpoint: (v) =>
    isUrl(v, isLoopback) ? null : 'must be an https URL (or http on 127.0.0.1)',
};
const OPTIONAL = new Set<keyof BackendConfig>(['cognitoIdpEndpoint', 'cognitoIdentityEndpoint']);

export function parseConfig(input: unknown): ConfigResult {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (err) {
      return {
        ok: false,
        field: '(JSON)',
        message: `The configuration is not valid JSON: ${(err as Error).message}`,
      };
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return {
      ok: false,
      field: '(JSON)',
      message: 'The configuration must be a JSON object like the example.',
    };
  const all = raw as Record<string, unknown>;
  const config: Record<string, string> = {};
  for (const [field, check] of Object.entries(REQUIRED) as [keyof BackendConfig, Check][]) {
    const value = all[field];
    if (value === undefined || value === '') {
      if (OPTIONAL.has(field)) continue;
      return { ok: false, field, message: `"${field}" is missing.` };
    }
    if (typeof value !== 'string')
      return { ok: false, field, message: `"${field}" must be a string.` };
    const problem = check(value.trim(), all);
    if (problem) return { ok: false, field, message: `"${field}" ${problem}.` };
    config[field] = value.trim();
  }
  const unknown = Object.keys(all).find((key) => !(key in REQUIRED));
  if (unknown)
    return { ok: false, field: unknown, message: `"${unknown}" is not a configuration field.` };
  return { ok: true, config: config as unknown as BackendConfig };
}

export function cognitoIdpEndpoint(config: BackendConfig): string {
  return config.cognitoIdpEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
}

export function cognitoIdentityEndpoint(config: BackendConfig): string {
  return (
    config.cognitoIdentityEndpoint ?? `https://cognito-identity.${config.region}.amazonaws.com/`
  );
}

/** The Identity Pool's `Logins` key for this User Pool (always the AWS name, also locally). */
export function loginsKey(config: BackendConfig): string {
  return `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
}
