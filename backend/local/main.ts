/** `npm run stack`: the local AWS stack in the foreground, one log line per request. */
import { banner, closeOnSignals, describeStartError } from './banner';
import { startStack } from './index';

// The SDK warns about Node 20 on every start; the project targets Node 20 (package.json engines).
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

try {
  const stack = await startStack({ log });
  console.log(banner(stack));
  closeOnSignals(() => stack.close(), log);
} catch (error) {
  console.error(describeStartError(error, process.env['JOURNAL_STACK_PORT'] ?? 4566));
  process.exit(1);
}
