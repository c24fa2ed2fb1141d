/**
 * Child process for `srpSignInMs`: signs in with amazon-cognito-identity-js (SRP) and reports the
 * CPU time this process spent per sign-in. The stack runs in the parent, so none of the server's
 * work is counted. Args: endpoint userPoolId clientId email password runs
 */
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';

const [endpoint, userPoolId, clientId, email, password, runsArg] = process.argv.slice(2);
const pool = new CognitoUserPool({
  UserPoolId: userPoolId!,
  ClientId: clientId!,
  endpoint: endpoint!,
});

function signIn(): Promise<void> {
  const user = new CognitoUser({ Username: email!, Pool: pool });
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email!, Password: password! }), {
      onSuccess: () => resolve(),
      onFailure: (err: Error) => reject(err),
    });
  });
}

const cpuMs: number[] = [];
await signIn(); // warm-up: JIT and connections
for (let i = 0; i < Number(runsArg ?? 5); i++) {
  const start = process.cpuUsage();
  await signIn();
  const used = process.cpuUsage(start);
  cpuMs.push((used.user + used.system) / 1000);
}
process.stdout.write(JSON.stringify(cpuMs));
