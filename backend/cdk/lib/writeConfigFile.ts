import { readFile, writeFile } from 'node:fs/promises';
import { configFromDeployOutputs, type JournalConfig } from './journalConfig';

/** Reads `cdk deploy --outputs-file`'s file and writes Contract 2's configuration from it. */
export async function writeConfigFile(
  outputsPath: string,
  configPath: string,
  stackName?: string,
): Promise<JournalConfig> {
  const outputs: unknown = JSON.parse(await readFile(outputsPath, 'utf8'));
  const config = configFromDeployOutputs(outputs, stackName);
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);
  return config;
}
