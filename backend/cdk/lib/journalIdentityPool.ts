import { CfnIdentityPool, CfnIdentityPoolRoleAttachment } from 'aws-cdk-lib/aws-cognito';
import type { IUserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { FederatedPrincipal, PolicyDocument, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface JournalIdentityPoolProps {
  userPool: IUserPool;
  client: UserPoolClient;
  /** The one execute-api ARN signed-in users may invoke. */
  invokeArn: string;
}

/**
 * Trades a user pool ID token for temporary AWS credentials that can do one thing: call the journal
 * API. L1 constructs, because the L2 IdentityPool always makes an unauthenticated role too.
 */
export class JournalIdentityPool extends Construct {
  readonly identityPool: CfnIdentityPool;
  readonly authenticatedRole: Role;

  constructor(scope: Construct, id: string, props: JournalIdentityPoolProps) {
    super(scope, id);

    this.identityPool = new CfnIdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: false,
      // The basic flow would let a client pick any role the pool trusts; enhanced flow only.
      allowClassicFlow: false,
      cognitoIdentityProviders: [
        {
          providerName: props.userPool.userPoolProviderName,
          clientId: props.client.userPoolClientId,
          // Refuse tokens of users who signed out globally or were deleted.
          serverSideTokenCheck: true,
        },
      ],
    });

    this.authenticatedRole = new Role(this, 'AuthenticatedRole', {
      description: 'Signed-in journal users: call POST /graphql and nothing else',
      assumedBy: new FederatedPrincipal(
        'cognito-identity.amazonaws.com',
        {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': this.identityPool.ref },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
      // Inline, so the whole permission sits on the role and nothing can be attached alongside by accident.
      inlinePolicies: {
        InvokeJournalApi: new PolicyDocument({
          statements: [
            new PolicyStatement({ actions: ['execute-api:Invoke'], resources: [props.invokeArn] }),
          ],
        }),
      },
    });

    new CfnIdentityPoolRoleAttachment(this, 'Roles', {
      identityPoolId: this.identityPool.ref,
      roles: { authenticated: this.authenticatedRole.roleArn },
    });
  }
}
