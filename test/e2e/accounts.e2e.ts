/**
 * Account flows a person runs from the options page against the local stack, with the codes the
 * stack prints to its log (no e-mail is sent): create an account, and reset a forgotten password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type RunningStack } from '../../backend/local';
import { launchExtension, type Harness } from './harness';
import { configure } from './signIn';

describe('accounts from the options page', () => {
  let stack: RunningStack;
  let harness: Harness;
  const log: string[] = [];

  /** The newest code the stack printed for this address and purpose. */
  const codeFor = async (what: RegExp, email: string): Promise<string> => {
    let code: string | undefined;
    await expect
      .poll(() => {
        const line = log.filter((l) => what.test(l) && l.includes(email)).at(-1);
        code = line?.match(/: (\d{6})$/)?.[1];
        return code;
      })
      .toBeDefined();
    return code!;
  };
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  /**
   * Waits for the sign-in form or an error, and fails with the error's words if there is one, or
   * with the stack's last requests and the page's text if neither comes. That is how a hang here
   * was traced: the page moved focus to "Email" while the code was being typed, and the browser
   * refused the form without a word (src/options/focusTarget.ts now leaves a typing person alone).
   */
  const settled = async (page: Page) => {
    const outcome = button(page, 'Sign in').or(page.getByRole('alert')).first();
    await outcome.waitFor({ timeout: 15_000 }).catch(async () => {
      const text = await page.locator('main').innerText();
      throw new Error(
        `Neither the sign-in form nor an error came.\nStack log: ${log.slice(-10).join(' | ')}\nPage: ${text}`,
      );
    });
    const alerts = await page.getByRole('alert').allTextContents();
    expect(alerts.filter((t) => t.trim())).toEqual([]);
  };

  beforeAll(async () => {
    stack = await startStack({ port: 0, inMemory: true, log: (line) => log.push(line) });
    harness = await launchExtension();
  });
  afterAll(async () => {
    await harness?.close();
    await stack?.close();
  });

  it('creates an account, confirms it with the e-mailed code, and signs in', async () => {
    const page = await harness.openOptions();
    await configure(harness, page, stack.config);
    const email = 'new.person@journal.local';

    await button(page, 'Create an account').click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('weak');
    await button(page, 'Create account').click();
    // Cognito's default policy refuses it, and the page says what to do.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/i);

    await page.getByLabel('Password').fill('A-much-Better-passw0rd');
    await button(page, 'Create account').click();
    // Read the code once the form asks for it: the worker has answered, so any retried request's
    // newer code is already in the log.
    await page.getByLabel('Confirmation code').waitFor();
    await page.getByLabel('Confirmation code').fill(await codeFor(/Confirmation code/, email));
    await button(page, 'Confirm').click();
    await settled(page);

    await page.getByLabel('Password').fill('A-much-Better-passw0rd');
    await expect.poll(() => page.getByLabel('Email').inputValue()).toBe(email);
    await button(page, 'Sign in').click();
    // An SRP sign-in takes more than expect.poll's default second on a loaded two-core machine.
    await expect.poll(() => page.getByText(email).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await button(page, 'Sign out').click();
    await button(page, 'Sign in').waitFor();
    await page.close();
  });

  it('resets a forgotten password with the code, then signs in with the new one only', async () => {
    const page = await harness.openOptions();
    const { email, password } = stack.demoUser;

    await button(page, 'Forgot your password?').click();
    await page.getByLabel('Email').fill(email);
    await button(page, 'Send code').click();
    await page.getByLabel('Code', { exact: true }).waitFor();
    await page
      .getByLabel('Code', { exact: true })
      .fill(await codeFor(/Password reset code/, email));
    await page.getByLabel('New password').fill('Fresh-Start-2026!');
    await button(page, 'Change password').click();
    await settled(page);
    await button(page, 'Sign in').waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await button(page, 'Sign in').click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toMatch(/not right/i);

    await page.getByLabel('Password').fill('Fresh-Start-2026!');
    await button(page, 'Sign in').click();
    await button(page, 'Sign out').waitFor();
    await page.close();
  });
});
