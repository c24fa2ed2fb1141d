/**
 * `npm run deploy -- [--region R] [any cdk deploy option]`: deploys the backend with `cdk deploy`
 * and writes the extension's configuration (journal-config.json) from the stack's outputs.
 *
 * One script rather than `cdk deploy … && write-config`: npm appends `-- args` to the last command
 * of a chain, so `--profile work` used to reach write-config while cdk deployed with the default
 * credentials. Here every argument goes to `cdk deploy`. The region must be named (`--region` or
 * AWS_REGION / AWS_DEFAULT_REGION) and is printed first: cdk has no `--region` option and would
 * otherwise take the profile's region, or us-east-1, without saying so.
 *
 * JOURNAL_DEPLOY_OUTPUTS and JOURNAL_DEPLOY_CONFIG move the outputs file and the configuration
 * file (tests use them).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeConfigFile } from '../backend/cdk/lib/writeConfigFile';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const cdkDir = resolve(repoRoot, 'backend/cdk');

export interface DeployArgs {
  region: string | undefined;
  profile: string | undefined;
  /** Everything but `--region`, for `cdk deploy` as given. */
  cdkArgs: string[];
}

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  const cdkArgs: string[] = [];
  let region: string | undefined;
  let profile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--region') {
      region = argv[++i];
      if (region === undefined || region.startsWith('-'))
        throw new Error('--region needs a value, like --region eu-central-1.');
      continue;
    }
    if (arg.startsWith('--region=')) {
      region = arg.slice('--region='.length);
      continue;
    }
    if (arg === '--profile') profile = argv[i + 1];
    else if (arg.startsWith('--profile=')) profile = arg.slice('--profile='.length);
    cdkArgs.push(arg);
  }
  return { region, profile, cdkArgs };
}

function fail(message: string): never {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let args: DeployArgs;
  try {
    args = parseDeployArgs(process.argv.slice(2));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const region = args.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    fail(
      `Name the AWS region to deploy to: npm run deploy -- --region eu-central-1 (or export AWS_REGION=eu-central-1)${region ? `; "${region}" is not a region` : ''}.`,
    );
  }
  const profile = args.profile ?? process.env['AWS_PROFILE'];
  const outputsFile = resolve(
    process.env['JOURNAL_DEPLOY_OUTPUTS'] ?? resolve(cdkDir, 'cdk.out/outputs.json'),
  );
  const configFile = resolve(
    process.env['JOURNAL_DEPLOY_CONFIG'] ?? resolve(repoRoot, 'journal-config.json'),
  );
  mkdirSync(dirname(outputsFile), { recursive: true });

  console.log(
    `Deploying the journal backend to region ${region} with ${profile ? `AWS profile "${profile}"` : 'the default AWS credentials'}.`,
  );
  const cdkArgs = ['deploy', '--no-notices', '--outputs-file', outputsFile, ...args.cdkArgs];
  const code = await new Promise<number>((done, reject) => {
    const child = spawn('cdk', cdkArgs, {
      cwd: cdkDir,
      stdio: 'inherit',
      env: { ...process.env, AWS_REGION: region, AWS_DEFAULT_REGION: region },
    });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0)));
  }).catch((error: unknown) =>
    fail(
      `could not run cdk (${error instanceof Error ? error.message : String(error)}); run npm ci first.`,
    ),
  );
  if (code !== 0) fail(`cdk deploy failed (exit ${code}); journal-config.json is unchanged.`);

  try {
    const config = await writeConfigFile(outputsFile, configFile);
    console.log(
      `Backend configuration written to ${relative(process.cwd(), configFile) || configFile}:`,
    );
    console.log(JSON.stringify(config, null, 2));
    console.log(
      'Paste it into the options page under "Backend configuration", then "Save configuration".',
    );
  } catch (error) {
    fail(
      `${error instanceof Error ? error.message : String(error)} (outputs file: ${outputsFile})`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
