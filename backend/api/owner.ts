/**
 * Whose journal a request reads and writes: the User Pool user's `sub`.
 *
 * Not `cognitoIdentityId`: that id belongs to the Identity Pool, which `cdk destroy` deletes, and a
 * new pool hands the same person a new id, so entries keyed by it would be unreachable after a
 * redeploy. The User Pool (retained, deletion-protected) keeps the `sub` for as long as the account
 * lives. API Gateway passes it, for IAM-authorized Identity Pool credentials, as
 * `cognitoAuthenticationProvider`:
 * `cognito-idp.<region>.amazonaws.com/<poolId>,cognito-idp.<region>.amazonaws.com/<poolId>:CognitoSignIn:<sub>`.
 */
import type { APIGatewayEventIdentity } from 'aws-lambda';

const SIGN_IN =
  /^cognito-idp\.[^,]+\/[^,:]+,cognito-idp\.[^,]+\/[^,:]+:CognitoSignIn:([A-Za-z0-9:_-]{1,128})$/;

/** The caller's User Pool `sub`, or undefined when the request carries no signed-in user. */
export function ownerOf(
  identity: Pick<APIGatewayEventIdentity, 'cognitoAuthenticationProvider'> | null | undefined,
): string | undefined {
  const provider = identity?.cognitoAuthenticationProvider;
  if (typeof provider !== 'string') return undefined;
  return SIGN_IN.exec(provider)?.[1];
}
