import { cognitoIdentityEndpoint, cognitoIdpEndpoint, type BackendConfig } from '../shared/config';
import type { ConfigSource } from '../shared/protocol';

export interface SummaryRow {
  label: string;
  value: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostOf(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Every URL the worker will call for this configuration. */
export function endpointsOf(config: BackendConfig): string[] {
  return [cognitoIdpEndpoint(config), cognitoIdentityEndpoint(config), config.graphqlUrl];
}

/** The local stack is the only thing that may listen on this machine (parseConfig allows http there). */
export function isLocalStack(config: BackendConfig): boolean {
  return endpointsOf(config).every((url) => LOOPBACK.has(hostOf(url)?.hostname ?? ''));
}

export function summarizeConfig(config: BackendConfig): SummaryRow[] {
  const rows: SummaryRow[] = [
    { label: 'Region', value: config.region },
    { label: 'User pool', value: config.userPoolId },
    { label: 'App client', value: config.userPoolClientId },
    { label: 'Identity pool', value: config.identityPoolId },
    { label: 'API URL', value: config.graphqlUrl },
  ];
  if (isLocalStack(config)) {
    rows.push({ label: 'Runs on', value: `local stack at ${hostOf(config.graphqlUrl)?.host}` });
    return rows;
  }
  // Overrides on AWS are unusual (a VPC endpoint, a proxy): worth showing where sign-in goes.
  if (config.cognitoIdpEndpoint)
    rows.push({ label: 'Sign-in endpoint', value: config.cognitoIdpEndpoint });
  if (config.cognitoIdentityEndpoint)
    rows.push({ label: 'Identity endpoint', value: config.cognitoIdentityEndpoint });
  return rows;
}

export function sourceLine(source: ConfigSource, config: BackendConfig | null): string {
  switch (source) {
    case 'saved':
      return 'Saved in this browser.';
    case 'build':
      return config && isLocalStack(config)
        ? 'Built into this copy of the extension, for the local stack. Saving here replaces it.'
        : 'Built into this copy of the extension. Saving here replaces it.';
    case 'none':
      return 'No backend is configured yet. Paste the JSON your deploy printed, or the local stack’s .journal/local-config.json.';
  }
}

/**
 * The origins to ask for direct access to, as match patterns. Only those the manifest lists as
 * optional can be granted, so others are left out rather than making the request fail.
 */
export function permissionOrigins(config: BackendConfig, optional: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const endpoint of endpointsOf(config)) {
    const url = hostOf(endpoint);
    if (!url) continue;
    // Match patterns have no port; "http://127.0.0.1/*" covers every port.
    const origin = `${url.protocol}//${url.hostname}/*`;
    if (optional.some((pattern) => matchesPattern(pattern, url))) origins.add(origin);
  }
  return [...origins];
}

function matchesPattern(pattern: string, url: URL): boolean {
  const match = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\//.exec(pattern);
  if (!match) return false;
  const [, scheme, host] = match as unknown as [string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return url.hostname.endsWith(host.slice(1));
  return url.hostname === host;
}

/** "127.0.0.1" or "cognito-idp.eu-central-1.amazonaws.com and 2 more" for the button's name. */
export function hostsLabel(origins: readonly string[]): string {
  const [first, ...rest] = hostsOf(origins);
  if (!first) return '';
  return rest.length ? `${first} and ${rest.length} more` : first;
}

export function hostsOf(origins: readonly string[]): string[] {
  return origins.map((origin) => origin.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, ''));
}
