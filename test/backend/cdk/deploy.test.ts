/**
 * `npm run deploy -- --profile X` must reach `cdk deploy` (issue 11: npm appends the arguments to
 * the last command of a chained script, which used to be write-config). The script runs here with a
 * stand-in `cdk` first on PATH that records how it was called and writes deploy outputs.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeployArgs } from '../../../scripts/deploy';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(repoRoot, 'scripts/deploy.ts');
const config = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/graphql',
};

const STAND_IN = `#!/usr/bin/env node
const { writeFileSync } = require('node:fs');
const args = process.argv.slice(2);
writeFileSync(process.env.STAND_IN_LOG, JSON.stringify({
  args, cwd: process.cwd(), region: process.env.AWS_REGION, defaultRegion: process.env.AWS_DEFAULT_REGION,
}));
if (process.env.STAND_IN_FAIL) process.exit(3);
const outputs = args[args.indexOf('--outputs-file') + 1];
writeFileSync(outputs, JSON.stringify({ JournalBackend: { JournalConfig: process.env.STAND_IN_CONFIG } }));
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-deploy-'));
  await writeFile(join(dir, 'cdk'), STAND_IN);
  await chmod(join(dir, 'cdk'), 0o755);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Recorded {
  args: string[];
  cwd: string;
  region: string;
  defaultRegion: string;
}

async function deploy(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base['AWS_REGION'];
  delete base['AWS_DEFAULT_REGION'];
  delete base['AWS_PROFILE'];
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: {
      ...base,
      PATH: `${dir}${delimiter}${process.env['PATH'] ?? ''}`,
      STAND_IN_LOG: join(dir, 'called.json'),
      STAND_IN_CONFIG: JSON.stringify(config),
      JOURNAL_DEPLOY_OUTPUTS: join(dir, 'out/outputs.json'),
      JOURNAL_DEPLOY_CONFIG: join(dir, 'journal-config.json'),
      NODE_NO_WARNINGS: '1',
      ...env,
    },
  });
  return run;
}

const recorded = async (): Promise<Recorded> =>
  JSON.parse(await readFile(join(dir, 'called.json'), 'utf8')) as Recorded;

describe('npm run deploy', () => {
  it('is one command, so npm hands it every argument after --', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['deploy']).toBe('tsx scripts/deploy.ts');
  });

  it('passes --profile and every other option to cdk deploy, in the region named, then writes the config', async () => {
    const { stdout } = await deploy([
      '--profile',
      'work',
      '--region',
      'eu-west-1',
      '-c',
      'ownerEmail=me@example.com',
      '--require-approval',
      'never',
    ]);
    const called = await recorded();
    expect(called.args).toEqual([
      'deploy',
      '--no-notices',
      '--outputs-file',
      join(dir, 'out/outputs.json'),
      '--profile',
      'work',
      '-c',
      'ownerEmail=me@example.com',
      '--require-approval',
      'never',
    ]);
    expect(called.cwd).toBe(join(repoRoot, 'backend/cdk'));
    expect(called.region).toBe('eu-west-1');
    expect(called.defaultRegion).toBe('eu-west-1');
    expect(stdout).toMatch(
      /^Deploying the journal backend to region eu-west-1 with AWS profile "work"\./,
    );
    expect(JSON.parse(await readFile(join(dir, 'journal-config.json'), 'utf8'))).toEqual(config);
  });

  it('takes the region from AWS_REGION when no --region is given', async () => {
    const { stdout } = await deploy(['--profile=home'], { AWS_REGION: 'ap-southeast-2' });
    expect((await recorded()).region).toBe('ap-southeast-2');
    expect(stdout).toContain('region ap-southeast-2 with AWS profile "home"');
  });

  it('refuses to guess a region', async () => {
    await expect(deploy(['--profile', 'work'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Name the AWS region') as unknown,
    });
    await expect(readFile(join(dir, 'called.json'))).rejects.toThrow();
  });

  it('stops with cdk’s failure and leaves the config alone', async () => {
    await expect(deploy(['--region', 'eu-west-1'], { STAND_IN_FAIL: '1' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('cdk deploy failed (exit 3)') as unknown,
    });
    await expect(readFile(join(dir, 'journal-config.json'))).rejects.toThrow();
  });
});

describe('parseDeployArgs', () => {
  it('takes --region out and keeps everything else in order', () => {
    expect(parseDeployArgs(['--region=eu-north-1', '--profile', 'p', '--hotswap'])).toEqual({
      region: 'eu-north-1',
      profile: 'p',
      cdkArgs: ['--profile', 'p', '--hotswap'],
    });
    expect(() => parseDeployArgs(['--region'])).toThrow(/--region needs a value/);
  });
});
