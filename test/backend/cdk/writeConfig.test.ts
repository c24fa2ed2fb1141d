import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFromDeployOutputs } from '../../../backend/cdk/lib/journalConfig';

const config = {
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  identityPoolId: 'eu-central-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/graphql',
};

/** What `cdk deploy --outputs-file` writes for the stack. */
const deployOutputs = (stack = 'JournalBackend', journalConfig = JSON.stringify(config)) => ({
  [stack]: { ...config, JournalConfig: journalConfig },
});

describe('configFromDeployOutputs', () => {
  it('returns the backend configuration (docs/backend-config.md) from the JournalConfig output', () => {
    expect(configFromDeployOutputs(deployOutputs())).toEqual(config);
  });

  it('ignores other stacks in the file', () => {
    const outputs = { Other: { Url: 'x' }, ...deployOutputs() };
    expect(configFromDeployOutputs(outputs)).toEqual(config);
  });

  it('asks which stack when there are several, and picks the named one', () => {
    const outputs = { ...deployOutputs('A'), ...deployOutputs('B') };
    expect(() => configFromDeployOutputs(outputs)).toThrow(/Several journal stacks.*A, B/);
    expect(configFromDeployOutputs(outputs, 'B')).toEqual(config);
  });

  it('names what is missing', () => {
    expect(() => configFromDeployOutputs({})).toThrow(/No stack with a JournalConfig output/);
    expect(() => configFromDeployOutputs([])).toThrow(/JSON object/);
    expect(() => configFromDeployOutputs(deployOutputs('S', '{oops'))).toThrow(
      /S\.JournalConfig is not a JSON object/,
    );
    const { identityPoolId: _dropped, ...partial } = config;
    expect(() => configFromDeployOutputs(deployOutputs('S', JSON.stringify(partial)))).toThrow(
      /S\.JournalConfig has no identityPoolId/,
    );
  });

  it('keeps only the contract fields', () => {
    const extra = JSON.stringify({ ...config, secret: 'x' });
    expect(configFromDeployOutputs(deployOutputs('S', extra))).toEqual(config);
  });
});

describe('scripts/write-config.ts', () => {
  const script = fileURLToPath(
    new URL('../../../backend/cdk/scripts/write-config.ts', import.meta.url),
  );
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-write-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // From the repo root, where `--import tsx` resolves, as the root `deploy` script runs it.
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot });

  it('writes journal-config.json from the deploy outputs', async () => {
    const outputsFile = join(dir, 'outputs.json');
    const configFile = join(dir, 'journal-config.json');
    await writeFile(outputsFile, JSON.stringify(deployOutputs()));
    const { stdout } = await run(outputsFile, configFile);
    expect(JSON.parse(await readFile(configFile, 'utf8'))).toEqual(config);
    expect(stdout).toContain('Backend configuration');
  });

  it('fails with a message when the outputs file is wrong', async () => {
    const outputsFile = join(dir, 'outputs.json');
    await writeFile(outputsFile, JSON.stringify({}));
    await expect(run(outputsFile, join(dir, 'out.json'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No stack with a JournalConfig output') as unknown,
    });
  });
});
