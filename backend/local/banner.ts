import type { RunningStack } from './index';

/** What a newcomer needs to see once the stack is up. */
export function banner(stack: RunningStack): string {
  return [
    '',
    `Journal local stack on ${stack.url} (Cognito User Pool, Identity Pool, API Gateway + journal API)`,
    stack.configPath
      ? `Backend configuration: ${stack.configPath}`
      : 'Backend configuration (in memory, not written to disk):',
    ...(stack.configPath ? [] : [JSON.stringify(stack.config, null, 2)]),
    `Demo user: ${stack.demoUser.email}  password: ${stack.demoUser.password}`,
    ...(stack.mfa === 'required'
      ? [
          'Two-step sign-in is required (JOURNAL_MFA=required): the first sign-in sets up an authenticator app.',
        ]
      : []),
    '',
    'To use it from the extension:',
    `  JOURNAL_CONFIG=${stack.configPath ?? '<path to the configuration>'} npm run build:chrome`,
    '  then load dist/chrome as an unpacked extension (chrome://extensions, Developer mode, Load unpacked)',
    '  or paste the configuration into the options page\'s "Backend configuration" box.',
    '  `npm start` does all of this and opens Chromium when it can.',
    '',
  ].join('\n');
}

/** Closes the stack on Ctrl-C or SIGTERM, once, and exits. */
export function closeOnSignals(close: () => Promise<void>, log: (line: string) => void): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: stopping the local stack`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`could not stop cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

export function describeStartError(error: unknown, port: string | number): string {
  // It already says which file, what is wrong and what to do.
  if (error instanceof Error && error.name === 'DataDamagedError') return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is in use: stop what is using it or set JOURNAL_STACK_PORT to another port.`;
  }
  return `The local stack could not start: ${error instanceof Error ? error.message : String(error)}`;
}
