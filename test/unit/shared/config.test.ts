import { describe, expect, it } from 'vitest';
import { cognitoIdpEndpoint, loginsKey, parseConfig } from '../../../src/shared/config';

const good = {
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  identityPoolId: 'eu-central-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/graphql',
};

describe('parseConfig', () => {
  it('accepts the contract example, as an object or JSON text', () => {
    expect(parseConfig(good)).toEqual({ ok: true, config: good });
    expect(parseConfig(JSON.stringify(good))).toEqual({ ok: true, config: good });
  });

  it('accepts local-stack endpoints over http on loopback only', () => {
    const local = {
      ...good,
      graphqlUrl: 'http://127.0.0.1:4566/prod/graphql',
      cognitoIdpEndpoint: 'http://127.0.0.1:4566/',
    };
    expect(parseConfig(local).ok).toBe(true);
    expect(parseConfig({ ...local, cognitoIdpEndpoint: 'http://example.com/' })).toMatchObject({
      ok: false,
      field: 'cognitoIdpEndpoint',
    });
  });

  it.each([
    ['not JSON', '{region:', '(JSON)'],
    ['an array', '[]', '(JSON)'],
    ['a missing region', { ...good, region: undefined }, 'region'],
    ['a bad region', { ...good, region: 'Frankfurt' }, 'region'],
    ['a pool id in another region', { ...good, userPoolId: 'us-east-1_AbCdEf123' }, 'userPoolId'],
    ['a malformed pool id', { ...good, userPoolId: 'AbCdEf123' }, 'userPoolId'],
    ['a client id with spaces', { ...good, userPoolClientId: 'a b' }, 'userPoolClientId'],
    [
      'a malformed identity pool',
      { ...good, identityPoolId: 'eu-central-1:nope' },
      'identityPoolId',
    ],
    [
      'a plain-http API',
      { ...good, graphqlUrl: 'http://abc.execute-api.eu-central-1.amazonaws.com/prod/graphql' },
      'graphqlUrl',
    ],
    [
      'an API without /graphql',
      { ...good, graphqlUrl: 'https://abc.execute-api.eu-central-1.amazonaws.com/prod' },
      'graphqlUrl',
    ],
    ['a number for a field', { ...good, userPoolClientId: 12 }, 'userPoolClientId'],
    ['an unknown field', { ...good, secretKey: 'x' }, 'secretKey'],
  ])('refuses %s and names the field', (_, input, field) => {
    const result = parseConfig(input);
    expect(result).toMatchObject({ ok: false, field });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('derives endpoints and the Logins key', () => {
    expect(cognitoIdpEndpoint(good)).toBe('https://cognito-idp.eu-central-1.amazonaws.com/');
    expect(loginsKey(good)).toBe('cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEf123');
  });
});
