import { resolve } from 'node:path';

export interface StackOptions {
  /** Default JOURNAL_STACK_PORT or 4566; 0 = any free port. */
  port?: number;
  host?: string;
  /** Nothing on disk: for tests. */
  inMemory?: boolean;
  /** Default JOURNAL_DATA_DIR or `.journal`. */
  dataDir?: string;
  /** ID and access token lifetime (JOURNAL_TOKEN_TTL_S or 3600). */
  tokenTtlS?: number;
  /** AWS credentials lifetime (JOURNAL_CREDENTIALS_TTL_S or 3600). */
  credentialsTtlS?: number;
  demoEmail?: string;
  demoPassword?: string;
  /** MFA in the User Pool (JOURNAL_MFA: `optional`, the default, or `required`). */
  mfa?: 'optional' | 'required';
  log?: (line: string) => void;
  now?: () => number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string | null;
  tokenTtlS: number;
  credentialsTtlS: number;
  demoEmail: string;
  demoPassword: string | undefined;
  mfa: 'optional' | 'required';
  log: (line: string) => void;
  now: () => number;
}

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

function envMfa(env: NodeJS.ProcessEnv): 'optional' | 'required' | undefined {
  const raw = env['JOURNAL_MFA'];
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'optional' || raw === 'required') return raw;
  throw new Error(`JOURNAL_MFA must be "optional" or "required", not "${raw}"`);
}

/** Options first, then the environment, then the defaults of the local stack (docs/local-stack.md). */
export function resolveOptions(
  opts: StackOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedOptions {
  return {
    port: opts.port ?? envNumber(env, 'JOURNAL_STACK_PORT') ?? 4566,
    host: opts.host ?? '127.0.0.1',
    dataDir: opts.inMemory ? null : resolve(opts.dataDir ?? env['JOURNAL_DATA_DIR'] ?? '.journal'),
    tokenTtlS: opts.tokenTtlS ?? envNumber(env, 'JOURNAL_TOKEN_TTL_S') ?? 3600,
    credentialsTtlS: opts.credentialsTtlS ?? envNumber(env, 'JOURNAL_CREDENTIALS_TTL_S') ?? 3600,
    demoEmail: opts.demoEmail ?? env['JOURNAL_DEMO_EMAIL'] ?? 'demo@journal.local',
    demoPassword: opts.demoPassword ?? (env['JOURNAL_DEMO_PASSWORD'] || undefined),
    mfa: opts.mfa ?? envMfa(env) ?? 'optional',
    log: opts.log ?? ((line) => console.log(line)),
    now: opts.now ?? Date.now,
  };
}
