import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Figure } from '../report';
import { summarize } from '../stats';
import type { RunningStack } from '../../backend/local';

/** Client CPU time of one SRP sign-in with the library the extension uses. */
export async function measureSrp(stack: RunningStack, runs: number): Promise<Figure> {
  const { config, demoUser } = stack;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/measures/srpClient.ts',
      config.cognitoIdpEndpoint ?? stack.url,
      config.userPoolId,
      config.userPoolClientId,
      demoUser.email,
      demoUser.password,
      String(runs),
    ],
    { env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
  const summary = summarize(JSON.parse(stdout) as number[]);
  return { name: 'srpSignInMs', unit: 'ms CPU', value: summary.median, summary };
}
