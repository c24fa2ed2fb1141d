import { fileURLToPath } from 'node:url';

// Resolved from this file, not the working directory: `cdk synth` runs in backend/cdk, tests in the repo root.
const resolve = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const repoRoot = resolve('../../../');
export const lockFile = resolve('../../../package-lock.json');
export const handlerEntry = resolve('../../api/handler.ts');
