/**
 * What closes the doors a personal journal should close (issue 11): sign-up closed unless asked
 * for, the owner's user made by the deploy, a budget alarm, deletion protection, a throttle sized
 * for one person, `Date` readable on API Gateway's own errors, introspection off. Synthesized
 * without bundling (journalStack.test.ts bundles and runs the real handler).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalStack } from '../../../backend/cdk/lib/journalStack';
import { throttling } from '../../../backend/cdk/lib/settings';
import { onlyResourceOfType, resourcesOfType, type CfnResource } from './synthJournalStack';

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

const cdkContext = (
  JSON.parse(readFileSync(new URL('../../../backend/cdk/cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

function synth(context: Record<string, unknown>) {
  const outdir = mkdtempSync(join(tmpdir(), 'journal-cdk-hardening-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: { ...cdkContext, 'aws:cdk:bundling-stacks': [], ...context },
  });
  const stack = new JournalStack(app, 'JournalHardening');
  const template = Template.fromStack(stack);
  const resources = template.toJSON()['Resources'] as Record<string, CfnResource>;
  return { template, resources };
}

const OWNER = 'owner@example.com';
const byDefault = synth({ ownerEmail: OWNER });

describe('sign-up', () => {
  it('is closed by default', () => {
    byDefault.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
    });
  });

  it('opens only with -c selfSignUp=true', () => {
    synth({ ownerEmail: OWNER, selfSignUp: 'true' }).template.hasResourceProperties(
      'AWS::Cognito::UserPool',
      { AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: false }) },
    );
    expect(() => synth({ ownerEmail: OWNER, selfSignUp: 'yes' })).toThrow(
      /selfSignUp" must be true or false/,
    );
  });
});

describe("the owner's user", () => {
  it('is created from ownerEmail, invited by e-mail, and kept', () => {
    const [, user] = onlyResourceOfType(byDefault.resources, 'AWS::Cognito::UserPoolUser');
    const [poolId] = onlyResourceOfType(byDefault.resources, 'AWS::Cognito::UserPool');
    expect(user.Properties).toEqual({
      UserPoolId: { Ref: poolId },
      Username: OWNER,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: OWNER },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
    expect(user.DeletionPolicy).toBe('Retain');
    expect(user.UpdateReplacePolicy).toBe('Retain');
  });

  it('gets an invitation that says where to sign in and that a new password follows', () => {
    const [, pool] = onlyResourceOfType(byDefault.resources, 'AWS::Cognito::UserPool');
    const invite = (pool.Properties?.['AdminCreateUserConfig'] as Record<string, unknown>)[
      'InviteMessageTemplate'
    ] as Record<string, string>;
    expect(invite['EmailMessage']).toMatch(/\{username\}.*\{####\}.*choose your own password/s);
  });

  it('must be named: no ownerEmail, no synth', () => {
    expect(() => synth({})).toThrow(/-c ownerEmail=you@example.com/);
    expect(() => synth({ ownerEmail: 'not-an-address' })).toThrow(/Name the journal's owner/);
  });
});

describe('budget', () => {
  it('alarms monthly by e-mail to the owner, at 5 USD unless told otherwise', () => {
    const [, budget] = onlyResourceOfType(byDefault.resources, 'AWS::Budgets::Budget');
    expect(budget.Properties?.['Budget']).toMatchObject({
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      BudgetLimit: { Amount: 5, Unit: 'USD' },
    });
    const notifications = budget.Properties?.['NotificationsWithSubscribers'] as {
      Notification: Record<string, unknown>;
      Subscribers: unknown[];
    }[];
    expect(notifications.map((n) => n.Notification['NotificationType']).sort()).toEqual([
      'ACTUAL',
      'FORECASTED',
    ]);
    for (const n of notifications) {
      expect(n.Subscribers).toEqual([{ SubscriptionType: 'EMAIL', Address: OWNER }]);
    }
  });

  it('takes its amount from -c budgetUsd', () => {
    synth({ ownerEmail: OWNER, budgetUsd: '12.5' }).template.hasResourceProperties(
      'AWS::Budgets::Budget',
      { Budget: Match.objectLike({ BudgetLimit: { Amount: 12.5, Unit: 'USD' } }) },
    );
    expect(() => synth({ ownerEmail: OWNER, budgetUsd: 'lots' })).toThrow(/budgetUsd/);
  });
});

describe('deletion protection', () => {
  it('on the table and the user pool, which are also kept by cdk destroy', () => {
    const [, table] = onlyResourceOfType(byDefault.resources, 'AWS::DynamoDB::Table');
    expect(table.Properties?.['DeletionProtectionEnabled']).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    const [, pool] = onlyResourceOfType(byDefault.resources, 'AWS::Cognito::UserPool');
    expect(pool.Properties?.['DeletionProtection']).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
  });
});

describe('coming back after cdk destroy', () => {
  const again = synth({
    ownerEmail: OWNER,
    existingUserPoolId: 'eu-central-1_Kept12345',
    existingTableName: 'JournalBackend-JournalTable-KEPT',
  });

  it('uses the kept user pool and table instead of making new ones', () => {
    expect(resourcesOfType(again.resources, 'AWS::Cognito::UserPool')).toEqual([]);
    expect(resourcesOfType(again.resources, 'AWS::Cognito::UserPoolUser')).toEqual([]);
    expect(resourcesOfType(again.resources, 'AWS::DynamoDB::Table')).toEqual([]);
    again.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: 'eu-central-1_Kept12345',
    });
    const [, pool] = onlyResourceOfType(again.resources, 'AWS::Cognito::IdentityPool');
    expect(JSON.stringify(pool.Properties?.['CognitoIdentityProviders'])).toContain(
      'eu-central-1_Kept12345',
    );
    const [, fn] = onlyResourceOfType(again.resources, 'AWS::Lambda::Function');
    expect(fn.Properties?.['Environment']).toMatchObject({
      Variables: { TABLE_NAME: 'JournalBackend-JournalTable-KEPT' },
    });
    // The function may still read the kept table's index.
    const policies = JSON.stringify(resourcesOfType(again.resources, 'AWS::IAM::Policy'));
    expect(policies).toContain('table/JournalBackend-JournalTable-KEPT/index/*');
  });
});

describe('API Gateway', () => {
  it('lets the extension read Date on its own 4XX and 5XX answers', () => {
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      byDefault.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        ResponseParameters: Match.objectLike({
          'gatewayresponse.header.Access-Control-Expose-Headers': Match.stringLikeRegexp("^'Date,"),
        }),
      });
    }
  });

  it('throttles to one person: 1 request/s, bursts of 10', () => {
    expect(throttling).toEqual({ rateLimit: 1, burstLimit: 10 });
    const [, stage] = onlyResourceOfType(byDefault.resources, 'AWS::ApiGateway::Stage');
    const [settings] = stage.Properties?.['MethodSettings'] as Record<string, unknown>[];
    expect(settings).toMatchObject({ ThrottlingRateLimit: 1, ThrottlingBurstLimit: 10 });
  });
});

describe('journal Lambda', () => {
  it('has introspection off', () => {
    const [, fn] = onlyResourceOfType(byDefault.resources, 'AWS::Lambda::Function');
    expect(fn.Properties?.['Environment']).toMatchObject({
      Variables: { JOURNAL_API_INTROSPECTION: 'false' },
    });
  });
});
