/**
 * After `cdk deploy --outputs-file`, writes Contract 2's configuration to its own file, ready for
 * the options page's import box or `JOURNAL_CONFIG=journal-config.json npm run build`.
 *
 * Usage: tsx backend/cdk/scripts/write-config.ts [outputs.json] [journal-config.json] [stackName]
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeConfigFile } from '../lib/writeConfigFile';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const [outputsArg, configArg, stackName] = process.argv.slice(2);
const outputsPath = outputsArg ? resolve(outputsArg) : here('../cdk.out/outputs.json');
const configPath = configArg ? resolve(configArg) : here('../../../journal-config.json');

try {
  const config = await writeConfigFile(outputsPath, configPath, stackName);
  console.log(
    `Backend configuration written to ${relative(process.cwd(), configPath) || configPath}:`,
  );
  console.log(JSON.stringify(config, null, 2));
  console.log(
    'Paste it into the options page under "Backend configuration", then "Save configuration".',
  );
} catch (error) {
  console.error(`write-config: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`(outputs file: ${outputsPath})`);
  process.exitCode = 1;
}
