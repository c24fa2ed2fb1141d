/** Launch one browser with the built extension behind the neutral ExtensionBrowser face. */
import { launchChromium } from './chromium';
import type { BrowserName, ExtensionBrowser } from './extension';
import { launchFirefox } from './firefox';

export * from './extension';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export function launchBrowser(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'firefox' ? launchFirefox() : launchChromium();
}
