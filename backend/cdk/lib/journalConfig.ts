/** The backend configuration the extension imports (docs/backend-config.md). */
export interface JournalConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  graphqlUrl: string;
}

/** The stack output holding the whole object as one JSON string. */
export const journalConfigOutput = 'JournalConfig';

export const journalConfigFields = [
  'region',
  'userPoolId',
  'userPoolClientId',
  'identityPoolId',
  'graphqlUrl',
] as const satisfies readonly (keyof JournalConfig)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * the backend configuration object (docs/backend-config.md) from the file `cdk deploy --outputs-file` writes
 * (`{ "<stack>": { "<output>": "<value>" } }`). Throws with a message a person can act on.
 */
export function configFromDeployOutputs(outputsFile: unknown, stackName?: string): JournalConfig {
  if (!isRecord(outputsFile)) throw new Error('The outputs file does not hold a JSON object.');
  const stacks = Object.entries(outputsFile).filter(
    ([name, outputs]) =>
      isRecord(outputs) &&
      journalConfigOutput in outputs &&
      (stackName === undefined || name === stackName),
  );
  const [found, ...others] = stacks;
  if (found === undefined) {
    throw new Error(
      `No stack${stackName ? ` named ${stackName}` : ''} with a ${journalConfigOutput} output in the outputs file: did the deploy finish?`,
    );
  }
  if (others.length > 0) {
    const names = stacks.map(([name]) => name).join(', ');
    throw new Error(`Several journal stacks in the outputs file (${names}): name the one to use.`);
  }

  const [name, outputs] = found as [string, Record<string, unknown>];
  const raw = outputs[journalConfigOutput];
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed)) throw new Error(`${name}.${journalConfigOutput} is not a JSON object.`);

  const config: Partial<JournalConfig> = {};
  for (const field of journalConfigFields) {
    const value = parsed[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`${name}.${journalConfigOutput} has no ${field}.`);
    }
    config[field] = value;
  }
  return config as JournalConfig;
}
