import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import {
  AccountRecovery,
  FeaturePlan,
  UserPool,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { mfaSetting } from './mfaSetting';
import { tokenValidity } from './settings';

/** The identity provider: people sign up and in with their e-mail address, by SRP. */
export class JournalUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // A readable name: after `cdk destroy` the retained pool has to be found and deleted by hand.
      userPoolName: `${Stack.of(this).stackName}-users`,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      userVerification: { emailStyle: VerificationEmailStyle.CODE },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Authenticator apps only: SMS would need an SNS role, a spending limit and per-message costs.
      mfa: mfaSetting(this),
      mfaSecondFactor: { sms: false, otp: true, email: false },
      // Nothing here needs the paid tiers' managed login or threat protection.
      featurePlan: FeaturePlan.LITE,
      // Deleting the pool would lock everyone out of their retained journal entries.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('ExtensionClient', {
      // A browser extension cannot keep a secret; SRP keeps the password in the browser instead.
      generateSecret: false,
      // CDK adds ALLOW_REFRESH_TOKEN_AUTH to any explicit flow list.
      authFlows: { userSrp: true },
      // No hosted UI or OAuth redirects: sign-in happens in the options page.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: tokenValidity.idToken,
      accessTokenValidity: tokenValidity.accessToken,
      refreshTokenValidity: tokenValidity.refreshToken,
      // refreshTokenRotationGracePeriod stays unset: rotation breaks amazon-cognito-identity-js's
      // REFRESH_TOKEN_AUTH, which expects to reuse the refresh token it has.
    });
  }
}
