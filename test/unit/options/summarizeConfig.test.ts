import { describe, expect, it } from 'vitest';
import type { BackendConfig } from '../../../src/shared/config';
import {
  hostsLabel,
  isLocalStack,
  permissionOrigins,
  sourceLine,
  summarizeConfig,
} from '../../../src/options/summarizeConfig';

const aws: BackendConfig = {
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  identityPoolId: 'eu-central-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/graphql',
};
const local: BackendConfig = {
  ...aws,
  region: 'us-east-1',
  userPoolId: 'us-east-1_Local1',
  identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'http://127.0.0.1:4566/prod/graphql',
  cognitoIdpEndpoint: 'http://127.0.0.1:4566/',
  cognitoIdentityEndpoint: 'http://127.0.0.1:4566/',
};
const MANIFEST_OPTIONAL = ['https://*.amazonaws.com/*', 'http://127.0.0.1/*', 'http://localhost/*'];

describe('summarizeConfig', () => {
  it.each([
    ['AWS', aws, ['Region', 'User pool', 'App client', 'Identity pool', 'API URL'], null],
    [
      'the local stack',
      local,
      ['Region', 'User pool', 'App client', 'Identity pool', 'API URL', 'Runs on'],
      'local stack at 127.0.0.1:4566',
    ],
    [
      'AWS through a proxy for sign-in',
      { ...aws, cognitoIdpEndpoint: 'https://idp.example.org/' },
      ['Region', 'User pool', 'App client', 'Identity pool', 'API URL', 'Sign-in endpoint'],
      null,
    ],
  ])('names what is configured for %s', (_name, config, labels, runsOn) => {
    const rows = summarizeConfig(config);
    expect(rows.map((r) => r.label)).toEqual(labels);
    expect(rows.find((r) => r.label === 'User pool')?.value).toBe(config.userPoolId);
    expect(rows.find((r) => r.label === 'API URL')?.value).toBe(config.graphqlUrl);
    expect(rows.find((r) => r.label === 'Runs on')?.value ?? null).toBe(runsOn);
  });
});

describe('isLocalStack', () => {
  it.each([
    [aws, false],
    [local, true],
    // Only the API local: sign-in would still go to AWS, so this is not "the local stack".
    [{ ...aws, graphqlUrl: 'http://127.0.0.1:4566/prod/graphql' }, false],
    [{ ...local, graphqlUrl: 'http://localhost:9/prod/graphql' }, true],
  ])('%#: %s', (config, expected) => {
    expect(isLocalStack(config)).toBe(expected);
  });
});

describe('sourceLine', () => {
  it.each([
    ['saved', aws, /saved in this browser/i],
    ['build', local, /built into .* for the local stack/i],
    ['build', aws, /^Built into this copy of the extension\. /],
    ['none', null, /no backend is configured/i],
  ] as const)('%s', (source, config, expected) => {
    expect(sourceLine(source, config)).toMatch(expected);
  });
});

describe('permissionOrigins', () => {
  it.each([
    [
      'AWS: the three service hosts',
      aws,
      MANIFEST_OPTIONAL,
      [
        'https://cognito-idp.eu-central-1.amazonaws.com/*',
        'https://cognito-identity.eu-central-1.amazonaws.com/*',
        'https://abc123.execute-api.eu-central-1.amazonaws.com/*',
      ],
    ],
    ['the local stack: one host, every port', local, MANIFEST_OPTIONAL, ['http://127.0.0.1/*']],
    [
      'a host the manifest cannot grant is left out',
      { ...aws, graphqlUrl: 'https://journal.example.org/graphql' },
      MANIFEST_OPTIONAL,
      [
        'https://cognito-idp.eu-central-1.amazonaws.com/*',
        'https://cognito-identity.eu-central-1.amazonaws.com/*',
      ],
    ],
    ['nothing optional in the manifest', aws, [], []],
    [
      'a lookalike host is not a subdomain',
      { ...local, graphqlUrl: 'https://evilamazonaws.com/graphql' },
      ['https://*.amazonaws.com/*'],
      [],
    ],
  ])('%s', (_name, config, optional, expected) => {
    expect(permissionOrigins(config, optional)).toEqual(expected);
  });

  it('labels the button with the first host and how many more', () => {
    expect(hostsLabel(permissionOrigins(local, MANIFEST_OPTIONAL))).toBe('127.0.0.1');
    expect(hostsLabel(permissionOrigins(aws, MANIFEST_OPTIONAL))).toBe(
      'cognito-idp.eu-central-1.amazonaws.com and 2 more',
    );
  });
});
