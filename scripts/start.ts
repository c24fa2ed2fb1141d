/**
 * `npm start`: the local stack on disk, the Chrome extension built against it, and Chromium with the
 * extension loaded when there is a display; otherwise where to load it from. Runs until Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { banner, closeOnSignals, describeStartError } from '../backend/local/banner';
import { startStack, type RunningStack } from '../backend/local/index';

const EXTENSION_DIR = resolve('dist/chrome');
// The SDK warns about Node 20 on every start; the project targets Node 20 (package.json engines).
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The first Chromium or Chrome found: CHROMIUM_PATH (as the tests read it), Debian's real binary, its wrapper, PATH, app bundles. */
function findBrowser(): string | undefined {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    onPath('google-chrome'),
    onPath('chromium'),
    onPath('chromium-browser'),
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    join(
      process.env['PROGRAMFILES'] ?? 'C:\\Program Files',
      'Google\\Chrome\\Application\\chrome.exe',
    ),
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

const hasDisplay = (): boolean =>
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  !!process.env['DISPLAY'] ||
  !!process.env['WAYLAND_DISPLAY'];

function buildExtension(configPath: string): Promise<boolean> {
  return new Promise((done) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build:chrome'], {
      stdio: 'inherit',
      env: { ...process.env, JOURNAL_CONFIG: configPath },
    });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

function launchBrowser(path: string, profileDir: string): ChildProcess {
  const child = spawn(
    path,
    [
      `--load-extension=${EXTENSION_DIR}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--user-data-dir=${profileDir}`,
      '--no-first-run',
      '--no-default-browser-check',
    ],
    { stdio: 'ignore' },
  );
  child.on('error', (error) => log(`could not start ${path}: ${error.message}`));
  return child;
}

function howToLoad(stack: RunningStack): string {
  return [
    `Load ${EXTENSION_DIR} as an unpacked extension (chrome://extensions, Developer mode, Load unpacked),`,
    `then sign in on its options page as ${stack.demoUser.email} with password ${stack.demoUser.password}`,
  ].join('\n');
}

let stack: RunningStack;
try {
  stack = await startStack({ log });
} catch (error) {
  console.error(describeStartError(error, process.env['JOURNAL_STACK_PORT'] ?? 4566));
  process.exit(1);
}
console.log(banner(stack));
let browser: ChildProcess | undefined;
closeOnSignals(async () => {
  // Only the browser this script started is stopped, by its own handle.
  if (browser && browser.exitCode === null) browser.kill();
  await stack.close();
}, log);

const configPath = stack.configPath ?? '';
if (!(await buildExtension(configPath))) {
  log(
    `The extension did not build; the stack keeps running. Try: JOURNAL_CONFIG=${configPath} npm run build:chrome`,
  );
} else {
  const browserPath = hasDisplay() ? findBrowser() : undefined;
  if (browserPath) {
    const profileDir = join(dirname(configPath), 'browser-profile');
    browser = launchBrowser(browserPath, profileDir);
    log(
      `Started ${browserPath} with the extension. Open its options page from the toolbar's extension menu.`,
    );
    console.log(`Demo user: ${stack.demoUser.email}  password: ${stack.demoUser.password}`);
  } else {
    console.log(howToLoad(stack));
  }
}
log('The stack runs until Ctrl-C.');
