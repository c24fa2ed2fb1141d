import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import {
  AccountRecovery,
  CfnUserPoolUser,
  FeaturePlan,
  UserPool,
  UserPoolClient,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { mfaSetting } from './mfaSetting';
import { tokenValidity } from './settings';

export interface JournalUserPoolProps {
  /** The owner's e-mail: their user is made here, and Cognito e-mails them a temporary password. */
  ownerEmail?: string;
  /** Open self sign-up (anyone with the public app-client id can then make accounts); default closed. */
  selfSignUp?: boolean;
  /** A pool kept from an earlier deploy: its users (and so the keys of their entries) come back. */
  existingUserPoolId?: string;
}

/**
 * The identity provider: the owner signs in with their e-mail address, by SRP. Sign-up is closed by
 * default and the deploy creates the owner's user, which is all a personal journal needs: nobody
 * who reads the public app-client id out of the extension can make accounts in the owner's pool.
 */
export class JournalUserPool extends Construct {
  readonly userPool: IUserPool;
  readonly client: UserPoolClient;
  /** The owner's user; undefined when an existing pool (which has them already) is used, or none is named. */
  readonly owner: CfnUserPoolUser | undefined;

  constructor(scope: Construct, id: string, props: JournalUserPoolProps = {}) {
    super(scope, id);

    if (props.existingUserPoolId !== undefined) {
      this.userPool = UserPool.fromUserPoolId(this, 'UserPool', props.existingUserPoolId);
      this.owner = undefined;
    } else {
      const pool = newUserPool(this, props.selfSignUp ?? false);
      this.userPool = pool;
      this.owner =
        props.ownerEmail === undefined ? undefined : ownerUser(this, pool, props.ownerEmail);
    }

    this.client = new UserPoolClient(this, 'ExtensionClient', {
      userPool: this.userPool,
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

function newUserPool(scope: Construct, selfSignUp: boolean): UserPool {
  return new UserPool(scope, 'UserPool', {
    // A readable name: after `cdk destroy` the retained pool has to be found by it.
    userPoolName: `${Stack.of(scope).stackName}-users`,
    signInAliases: { email: true },
    signInCaseSensitive: false,
    selfSignUpEnabled: selfSignUp,
    autoVerify: { email: true },
    userVerification: { emailStyle: VerificationEmailStyle.CODE },
    userInvitation: {
      emailSubject: 'Your journal account',
      emailBody:
        'Your journal is ready. Open the extension’s options page and sign in as {username} with ' +
        'the temporary password {####}; you will then choose your own password. The temporary ' +
        'password works for 7 days.',
    },
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
    mfa: mfaSetting(scope),
    mfaSecondFactor: { sms: false, otp: true, email: false },
    // Nothing here needs the paid tiers' managed login or threat protection.
    featurePlan: FeaturePlan.LITE,
    // The pool holds the `sub` the entries are keyed by: neither `cdk destroy` nor a stray
    // console click may delete it.
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
  });
}

/**
 * The owner's user. Cognito e-mails them a temporary password; the extension's new-password step
 * takes over at the first sign-in. Retained: dropping `ownerEmail` from a later deploy, or changing
 * it, must not delete the user whose `sub` keys the journal.
 */
function ownerUser(scope: Construct, pool: UserPool, email: string): CfnUserPoolUser {
  const user = new CfnUserPoolUser(scope, 'Owner', {
    userPoolId: pool.userPoolId,
    username: email,
    desiredDeliveryMediums: ['EMAIL'],
    userAttributes: [
      { name: 'email', value: email },
      // The invitation proves the address: password reset by e-mail works from the start.
      { name: 'email_verified', value: 'true' },
    ],
  });
  user.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return user;
}
