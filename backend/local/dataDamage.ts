import { join } from 'node:path';

/**
 * The data folder cannot be used as it is. The stack refuses to start rather than start with data
 * silently missing; the message names the file, what is wrong and what to do.
 */
export class DataDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(
      [
        `The local stack's data is damaged: ${file}: ${problem}.`,
        'The stack did not start, so nothing was changed. Restore the data folder from a backup,',
        `or move it aside to start with an empty one (its users and entries would be gone): mv '${dataDirOf(file)}' '${dataDirOf(file)}.damaged'`,
      ].join('\n'),
      options,
    );
    this.name = 'DataDamagedError';
  }
}

// The data folder is the file's folder, or the one above for files of the DynamoDB folder.
function dataDirOf(file: string): string {
  const parts = file.split('/');
  const at = parts.lastIndexOf('dynamodb');
  return at > 0 ? parts.slice(0, at).join('/') : parts.slice(0, -1).join('/');
}

/** The state file `name` in `dir`, for messages. */
export const stateFile = (dir: string, name: string): string => join(dir, name);
