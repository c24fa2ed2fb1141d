import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalTableSchema } from '../../../backend/api/table';
import type { CfnResource, SynthesizedStack } from './synthJournalStack';
import {
  evaluate,
  onlyResourceOfType,
  resourcesOfType,
  synthJournalStack,
} from './synthJournalStack';

let outdir: string;
let synth: SynthesizedStack;
let refs: Record<string, string>;

const sample = {
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  identityPoolId: 'eu-central-1:11111111-2222-3333-4444-555555555555',
  apiId: 'abc123',
};

/** Made-up physical ids, the way CloudFormation would fill them in. */
function fakeRefs(resources: Record<string, CfnResource>): Record<string, string> {
  const byType: Record<string, string> = {
    'AWS::ApiGateway::RestApi': sample.apiId,
    'AWS::Cognito::UserPool': sample.userPoolId,
    'AWS::Cognito::UserPoolClient': sample.userPoolClientId,
    'AWS::Cognito::IdentityPool': sample.identityPoolId,
  };
  const refs: Record<string, string> = {
    'AWS::Region': sample.region,
    'AWS::AccountId': '123456789012',
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  for (const [id, resource] of Object.entries(resources)) {
    const stageName = resource.Properties?.['StageName'];
    refs[id] =
      resource.Type === 'AWS::ApiGateway::Stage' && typeof stageName === 'string'
        ? stageName
        : (byType[resource.Type] ?? id);
    refs[`${id}.Arn`] = `arn:${id}`;
    refs[`${id}.ProviderName`] = `cognito-idp.${sample.region}.amazonaws.com/${sample.userPoolId}`;
    refs[`${id}.RootResourceId`] = 'root';
  }
  return refs;
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Principal?: Record<string, unknown>;
}
const statementsOf = (document: unknown): Statement[] =>
  (document as { Statement: Statement[] }).Statement;
const actionsOf = (statement: Statement): string[] => [statement.Action].flat().slice().sort();

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'journal-cdk-'));
  synth = synthJournalStack(outdir);
  refs = fakeRefs(synth.resources);
}, 60_000);

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

describe('user pool', () => {
  it('signs in by e-mail, verifies it, and recovers accounts by e-mail', () => {
    synth.template.resourceCountIs('AWS::Cognito::UserPool', 1);
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      // Closed by default (issue 11): only the owner's user, made by the deploy, signs in.
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('requires a sound password', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
  });

  it('is kept when the stack is deleted', () => {
    const [, pool] = onlyResourceOfType(synth.resources, 'AWS::Cognito::UserPool');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('user pool client', () => {
  const client = (): Record<string, unknown> =>
    onlyResourceOfType(synth.resources, 'AWS::Cognito::UserPoolClient')[1].Properties ?? {};

  it('allows SRP and refresh-token sign-in and nothing else', () => {
    expect((client()['ExplicitAuthFlows'] as string[]).slice().sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });

  it('has no secret, no OAuth flows and no refresh-token rotation', () => {
    const props = client();
    expect(props['GenerateSecret']).toBe(false);
    expect(props['AllowedOAuthFlowsUserPoolClient']).not.toBe(true);
    expect(props['AllowedOAuthFlows']).toBeUndefined();
    const rotation = props['RefreshTokenRotation'] as { Feature?: string } | undefined;
    expect(rotation === undefined || rotation.Feature === 'DISABLED').toBe(true);
  });

  it('hides whether a user exists and keeps Cognito default token lifetimes', () => {
    const props = client();
    expect(props['PreventUserExistenceErrors']).toBe('ENABLED');
    const units = props['TokenValidityUnits'] as Record<string, string>;
    const minutes = (value: unknown, unit: string | undefined): number =>
      (value as number) * ({ minutes: 1, hours: 60, days: 1440 }[unit ?? 'hours'] ?? NaN);
    expect(minutes(props['IdTokenValidity'], units['IdToken'])).toBe(60);
    expect(minutes(props['AccessTokenValidity'], units['AccessToken'])).toBe(60);
    expect(minutes(props['RefreshTokenValidity'], units['RefreshToken'] ?? 'days')).toBe(30 * 1440);
  });
});

describe('identity pool', () => {
  it('trusts only the user pool client, with server-side token checks', () => {
    synth.template.resourceCountIs('AWS::Cognito::IdentityPool', 1);
    const [, pool] = onlyResourceOfType(synth.resources, 'AWS::Cognito::IdentityPool');
    const [clientId] = onlyResourceOfType(synth.resources, 'AWS::Cognito::UserPoolClient');
    const [userPoolId] = onlyResourceOfType(synth.resources, 'AWS::Cognito::UserPool');
    expect(pool.Properties?.['CognitoIdentityProviders']).toEqual([
      {
        ClientId: { Ref: clientId },
        ProviderName: { 'Fn::GetAtt': [userPoolId, 'ProviderName'] },
        ServerSideTokenCheck: true,
      },
    ]);
  });

  it('refuses unauthenticated identities and the classic flow', () => {
    synth.template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
    });
  });

  it('attaches one role, for authenticated identities only', () => {
    const [, attachment] = onlyResourceOfType(
      synth.resources,
      'AWS::Cognito::IdentityPoolRoleAttachment',
    );
    const [poolId] = onlyResourceOfType(synth.resources, 'AWS::Cognito::IdentityPool');
    expect(attachment.Properties?.['IdentityPoolId']).toEqual({ Ref: poolId });
    expect(Object.keys(attachment.Properties?.['Roles'] as object)).toEqual(['authenticated']);
  });
});

describe('authenticated role', () => {
  const role = (): [string, CfnResource] => {
    const [, attachment] = onlyResourceOfType(
      synth.resources,
      'AWS::Cognito::IdentityPoolRoleAttachment',
    );
    const arn = (attachment.Properties?.['Roles'] as { authenticated: unknown }).authenticated;
    const [roleId] = (arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
    const resource = synth.resources[roleId];
    if (!resource) throw new Error('attached role not in template');
    return [roleId, resource];
  };

  it('can be assumed only by authenticated identities of this identity pool', () => {
    const [, resource] = role();
    const [poolId] = onlyResourceOfType(synth.resources, 'AWS::Cognito::IdentityPool');
    const statements = statementsOf(resource.Properties?.['AssumeRolePolicyDocument']);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRoleWithWebIdentity',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: poolId } },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ]);
  });

  it('may invoke POST /graphql on the prod stage and nothing else', () => {
    const [roleId, resource] = role();
    expect(resource.Properties?.['ManagedPolicyArns']).toBeUndefined();
    const policies = resource.Properties?.['Policies'] as { PolicyDocument: unknown }[];
    expect(policies).toHaveLength(1);
    const statements = statementsOf(policies[0]?.PolicyDocument);
    expect(statements).toHaveLength(1);
    const [statement] = statements as [Statement];
    expect(statement.Effect).toBe('Allow');
    expect(actionsOf(statement)).toEqual(['execute-api:Invoke']);
    expect(evaluate(statement.Resource, refs)).toBe(
      `arn:aws:execute-api:${sample.region}:123456789012:${sample.apiId}/prod/POST/graphql`,
    );

    // No separate AWS::IAM::Policy or managed policy may widen it.
    const attached = [
      ...resourcesOfType(synth.resources, 'AWS::IAM::Policy'),
      ...resourcesOfType(synth.resources, 'AWS::IAM::ManagedPolicy'),
    ].filter(([, policy]) => JSON.stringify(policy.Properties?.['Roles'] ?? []).includes(roleId));
    expect(attached).toEqual([]);
  });
});

describe('REST API', () => {
  it('requires SigV4 (AWS_IAM) on POST /graphql, proxied to the journal Lambda', () => {
    const [resourceId] = resourcesOfType(synth.resources, 'AWS::ApiGateway::Resource').find(
      ([, resource]) => resource.Properties?.['PathPart'] === 'graphql',
    ) ?? [undefined];
    expect(resourceId).toBeDefined();
    const [functionId] = onlyResourceOfType(synth.resources, 'AWS::Lambda::Function');
    synth.template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      ResourceId: { Ref: resourceId },
      AuthorizationType: 'AWS_IAM',
      Integration: Match.objectLike({ Type: 'AWS_PROXY' }),
    });
    const posts = resourcesOfType(synth.resources, 'AWS::ApiGateway::Method').filter(
      ([, method]) => method.Properties?.['HttpMethod'] !== 'OPTIONS',
    );
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.[1].Properties?.['Integration'])).toContain(functionId);
  });

  it('answers CORS preflight without auth, allowing the SigV4 headers', () => {
    const [, options] = resourcesOfType(synth.resources, 'AWS::ApiGateway::Method').find(
      ([, method]) => method.Properties?.['HttpMethod'] === 'OPTIONS',
    ) ?? [undefined, undefined];
    expect(options?.Properties?.['AuthorizationType']).toBe('NONE');
    const headers = JSON.stringify(options?.Properties?.['Integration']);
    for (const header of ['Authorization', 'Content-Type', 'X-Amz-Date', 'X-Amz-Security-Token']) {
      expect(headers).toContain(header);
    }
    expect(headers).toContain('POST');
  });

  it('puts CORS headers on API Gateway’s own 4XX and 5XX errors', () => {
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      synth.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        ResponseParameters: Match.objectLike({
          'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
          'gatewayresponse.header.Access-Control-Allow-Headers':
            Match.stringLikeRegexp('X-Amz-Security-Token'),
          'gatewayresponse.header.Access-Control-Expose-Headers':
            Match.stringLikeRegexp('x-amzn-ErrorType'),
        }),
      });
    }
  });

  it('has a throttled prod stage', () => {
    synth.template.resourceCountIs('AWS::ApiGateway::Stage', 1);
    synth.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        }),
      ]),
    });
    const [, stage] = onlyResourceOfType(synth.resources, 'AWS::ApiGateway::Stage');
    const [settings] = stage.Properties?.['MethodSettings'] as Record<string, unknown>[];
    expect(settings?.['ThrottlingRateLimit']).toBeGreaterThan(0);
    expect(settings?.['ThrottlingBurstLimit']).toBeGreaterThan(0);
  });

  it('writes JSON access logs to a log group with retention', () => {
    const [, stage] = onlyResourceOfType(synth.resources, 'AWS::ApiGateway::Stage');
    const setting = stage.Properties?.['AccessLogSetting'] as {
      DestinationArn: unknown;
      Format: string;
    };
    const destination = JSON.stringify(setting.DestinationArn);
    const logGroup = resourcesOfType(synth.resources, 'AWS::Logs::LogGroup').find(([id]) =>
      destination.includes(`"${id}"`),
    );
    expect(logGroup).toBeDefined();
    expect(logGroup?.[1].Properties?.['RetentionInDays']).toBeGreaterThan(0);

    // messageString is the one variable API Gateway quotes itself; fill in the rest as strings.
    const line = setting.Format.replace('$context.error.messageString', '"Forbidden"');
    const parsed = JSON.parse(line) as Record<string, string>;
    expect(parsed['requestId']).toBe('$context.requestId');
    expect(parsed['status']).toBe('$context.status');
    expect(parsed['cognitoIdentityId']).toBe('$context.identity.cognitoIdentityId');
    expect(parsed['errorMessage']).toBe('Forbidden');
  });
});

describe('journal Lambda', () => {
  const fn = (): CfnResource => onlyResourceOfType(synth.resources, 'AWS::Lambda::Function')[1];

  it('runs on a current Node.js runtime, arm64, with the table name', () => {
    const props = fn().Properties ?? {};
    const runtime = props['Runtime'] as string;
    expect(runtime).toMatch(/^nodejs\d+\.x$/);
    expect(Number(/\d+/.exec(runtime)?.[0])).toBeGreaterThanOrEqual(22);
    expect(props['Architectures']).toEqual(['arm64']);
    const [tableId] = onlyResourceOfType(synth.resources, 'AWS::DynamoDB::Table');
    expect(props['Environment']).toMatchObject({ Variables: { TABLE_NAME: { Ref: tableId } } });
  });

  it('logs to a log group with retention', () => {
    const logConfig = fn().Properties?.['LoggingConfig'] as { LogGroup: { Ref: string } };
    const logGroup = synth.resources[logConfig.LogGroup.Ref];
    expect(logGroup?.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup?.Properties?.['RetentionInDays']).toBeGreaterThan(0);
  });

  it('may only make the table calls the API uses, and write its own logs', () => {
    const roleArn = fn().Properties?.['Role'] as { 'Fn::GetAtt': [string, string] };
    const [roleId] = roleArn['Fn::GetAtt'];
    expect(synth.resources[roleId]?.Properties?.['ManagedPolicyArns']).toBeUndefined();
    expect(synth.resources[roleId]?.Properties?.['Policies']).toBeUndefined();

    const statements = resourcesOfType(synth.resources, 'AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties?.['Roles']).includes(`"${roleId}"`))
      .flatMap(([, policy]) => statementsOf(policy.Properties?.['PolicyDocument']));

    const [tableId] = onlyResourceOfType(synth.resources, 'AWS::DynamoDB::Table');
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo[0] as Statement)).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(evaluate(dynamo[0]?.Resource, refs)).toEqual([
      `arn:${tableId}`,
      `arn:${tableId}/index/*`,
    ]);

    const others = statements.filter((s) => !dynamo.includes(s));
    for (const statement of others) {
      expect(actionsOf(statement)).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    }
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      expect(JSON.stringify(statement.Resource)).not.toBe('"*"');
      expect(actionsOf(statement).some((a) => a.includes('*'))).toBe(false);
    }
  });

  it('bundles the real handler with the AWS SDK left to the runtime', () => {
    const code = fn().Properties?.['Code'] as { S3Key: string };
    const hash = code.S3Key.replace(/\.zip$/, '');
    const bundle = join(synth.assetDir(hash), 'index.js');
    expect(existsSync(bundle)).toBe(true);
    const source = readFileSync(bundle, 'utf8');
    expect(source).toMatch(/require\(["']@aws-sdk\/client-dynamodb["']\)/);
    expect(source).toContain('TABLE_NAME');
    expect(fn().Properties?.['Handler']).toBe('index.handler');
  });

  it('loads as the CommonJS module Lambda runs, and answers an unsigned call without AWS', async () => {
    const code = fn().Properties?.['Code'] as { S3Key: string };
    // Lambda has no package.json around the bundle: copy it out of the repo's `"type": "module"`.
    const bundle = join(outdir, 'lambda-smoke.cjs');
    copyFileSync(join(synth.assetDir(code.S3Key.replace(/\.zip$/, '')), 'index.js'), bundle);
    const probe = `
      const { handler } = require(${JSON.stringify(bundle)});
      handler({ httpMethod: 'POST', resource: '/graphql', path: '/graphql', headers: {},
        body: '{"query":"{ __typename }"}', isBase64Encoded: false, requestContext: { identity: {} } })
        .then((response) => process.stdout.write(String(response.statusCode)));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', probe], {
      // The runtime provides the AWS SDK; here it comes from the repo's node_modules.
      env: {
        ...process.env,
        TABLE_NAME: 'journal',
        AWS_REGION: 'eu-central-1',
        NODE_PATH: fileURLToPath(new URL('../../../node_modules', import.meta.url)),
        NODE_NO_WARNINGS: '1',
      },
    });
    expect(stdout).toBe('403');
  });
});

describe('journal table', () => {
  it('has the keys and index of journalTableSchema', () => {
    const { partitionKey, sortKey, localSecondaryIndexes } = journalTableSchema;
    const [index] = localSecondaryIndexes;
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: partitionKey.name, KeyType: 'HASH' },
        { AttributeName: sortKey.name, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: partitionKey.name, AttributeType: 'S' },
        { AttributeName: sortKey.name, AttributeType: 'S' },
        { AttributeName: index.sortKey.name, AttributeType: 'S' },
      ]),
      LocalSecondaryIndexes: [
        {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('bills per request, keeps point-in-time recovery, and survives stack deletion', () => {
    const [, table] = onlyResourceOfType(synth.resources, 'AWS::DynamoDB::Table');
    expect(table.Properties?.['BillingMode']).toBe('PAY_PER_REQUEST');
    expect(table.Properties?.['PointInTimeRecoverySpecification']).toEqual({
      PointInTimeRecoveryEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('has the changes feed: the byUpdateDate GSI and a TTL for tombstones', () => {
    const [gsi] = journalTableSchema.globalSecondaryIndexes;
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: gsi.sortKey.name, AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        {
          IndexName: gsi.indexName,
          KeySchema: [
            { AttributeName: gsi.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      TimeToLiveSpecification: {
        AttributeName: journalTableSchema.timeToLiveAttribute,
        Enabled: true,
      },
    });
  });
});

describe('outputs (Contract 2)', () => {
  const expected = {
    region: sample.region,
    userPoolId: sample.userPoolId,
    userPoolClientId: sample.userPoolClientId,
    identityPoolId: sample.identityPoolId,
    graphqlUrl: `https://${sample.apiId}.execute-api.${sample.region}.amazonaws.com/prod/graphql`,
  };

  it('are the configuration fields and JournalConfig, nothing else', () => {
    expect(Object.keys(synth.outputs).sort()).toEqual(
      [...Object.keys(expected), 'JournalConfig'].sort(),
    );
  });

  it('hold the values CloudFormation will fill in', () => {
    for (const [name, value] of Object.entries(expected)) {
      expect(evaluate(synth.outputs[name]?.Value, refs)).toBe(value);
    }
  });

  it('JournalConfig is the whole configuration as JSON', () => {
    const json = evaluate(synth.outputs['JournalConfig']?.Value, refs);
    expect(typeof json).toBe('string');
    expect(JSON.parse(json as string)).toEqual(expected);
  });
});
