import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { JournalUserPool } from '../../../backend/cdk/lib/journalUserPool';

function userPoolTemplate(context: Record<string, unknown> = {}): Template {
  const app = new App({ context });
  const stack = new Stack(app, 'MfaTest');
  new JournalUserPool(stack, 'Users');
  return Template.fromStack(stack);
}

describe('user pool MFA', () => {
  // aws-cdk-lib's first synth loads a lot of code: under load that is slower than a test's timeout.
  let optional: Template;
  beforeAll(() => {
    optional = userPoolTemplate();
  }, 120_000);

  it('offers two-step sign-in with an authenticator app only, optional by default', () => {
    const template = optional;
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      SmsConfiguration: Match.absent(),
    });
    // No SMS, so no role for Cognito to publish through SNS (and no SMS bill).
    template.resourceCountIs('AWS::IAM::Role', 0);
  });

  it('requires it with the context value mfa=required', () => {
    const template = userPoolTemplate({ mfa: 'required' });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    template.resourceCountIs('AWS::IAM::Role', 0);
  });

  it('refuses a context value it does not know, naming it', () => {
    expect(() => userPoolTemplate({ mfa: 'on' })).toThrow(
      'Context value "mfa" must be "optional" or "required", not "on"',
    );
  });
});
