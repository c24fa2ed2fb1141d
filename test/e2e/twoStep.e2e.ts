import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../../backend/local/index';
import { USED_CODE, WRONG_CODE } from '../../src/background/auth/mfaErrors';
import { bootMarker, launchExtension, type Harness } from './harness';
import { configureByMessage } from './signIn';

type Stack = Awaited<ReturnType<typeof startStack>>;

const STEP_MS = 30_000;
const stepNow = () => Math.floor(Date.now() / STEP_MS);

/**
 * The person's authenticator app: the codes for the secret read from the options page. Cognito
 * takes each 30-second code once, so every code it hands out is for a later step than the last;
 * when that step is more than one ahead (the server accepts ±1), it waits for the clock.
 */
function authenticatorApp(secret: string) {
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  let lastStep = 0;
  return {
    async freshCode(): Promise<string> {
      const step = Math.max(stepNow(), lastStep + 1);
      while (step > stepNow() + 1) await new Promise((r) => setTimeout(r, 500));
      lastStep = step;
      return totp.generate({ timestamp: step * STEP_MS + 1000 });
    },
    /** The code last handed out: already spent. */
    lastCode: () => totp.generate({ timestamp: lastStep * STEP_MS + 1000 }),
    wrongCode(): string {
      const near = [-1, 0, 1].map((d) => totp.generate({ timestamp: (stepNow() + d) * STEP_MS }));
      for (let n = 0; ; n++) {
        const candidate = String(n).padStart(6, '0');
        if (!near.includes(candidate)) return candidate;
      }
    },
  };
}

async function password(options: Page, email: string, secret: string): Promise<void> {
  await options.getByLabel('Email').fill(email);
  await options.getByLabel('Password', { exact: true }).fill(secret);
  await options.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function code(options: Page, value: string): Promise<void> {
  await options.getByLabel('Authentication code').fill(value);
  await options.getByRole('button', { name: 'Verify' }).click();
}

describe('two-step sign-in with an authenticator app, in Chromium against the local stack', () => {
  let stack: Stack;
  let harness: Harness;
  let app: ReturnType<typeof authenticatorApp>;
  const log: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ port: 0, inMemory: true, log: (line) => log.push(line) });
    harness = await launchExtension();
    const page = await harness.openPopup();
    await configureByMessage(harness, page, stack.config);
    await page.close();
  });
  afterAll(async () => {
    await harness?.close();
    await stack?.close();
  });

  it('sets up an authenticator app from the options page: QR code, key as text, first code', async () => {
    const options = await harness.openOptions();
    await password(options, stack.demoUser.email, stack.demoUser.password);
    const section = options.getByRole('region', { name: 'Two-step verification' });
    await section.getByRole('button', { name: 'Set up authenticator app' }).click();
    await section.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const key = (await section.getByLabel('Setup key').textContent()) ?? '';
    const secret = key.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    app = authenticatorApp(secret);

    await code(options, app.wrongCode());
    await options.getByText(WRONG_CODE).waitFor();
    await code(options, await app.freshCode());
    await section.getByText('Two-step sign-in is on', { exact: false }).first().waitFor();
    await section.getByRole('button', { name: 'Turn off' }).waitFor();
    // Shown once: the key is off the page, and in none of the extension's storage.
    expect(await options.getByLabel('Setup key').count()).toBe(0);
    const stored = await options.evaluate(async () =>
      JSON.stringify([
        await chrome.storage.local.get(null),
        await chrome.storage.session.get(null),
      ]),
    );
    expect(stored).not.toContain(secret);
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await options.close();
  });

  it('signs in with the password and then a code; a wrong or reused code says so; then jots an entry', async () => {
    const options = await harness.openOptions();
    await password(options, stack.demoUser.email, stack.demoUser.password);
    await options.getByLabel('Authentication code').waitFor();
    expect(await harness.message(options, 'session.get')).toMatchObject({ signedIn: false });

    await code(options, app.wrongCode());
    await options.getByText(WRONG_CODE).waitFor();
    await code(options, app.lastCode());
    await options.getByText(USED_CODE).waitFor();
    expect(log.some((line) => line.includes('RespondToAuthChallenge 400'))).toBe(true);

    await code(options, await app.freshCode());
    await options.getByRole('button', { name: 'Sign out' }).waitFor();
    await options.getByText(stack.demoUser.email, { exact: false }).first().waitFor();

    const popup = await harness.openPopup();
    await popup.getByLabel('New entry').fill('written after two-step sign-in');
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup
      .getByRole('list', { name: 'Recent entries' })
      .getByText('written after two-step sign-in')
      .waitFor();
    await popup.close();
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await options.close();
  });

  it('a worker stopped between the password and the code still completes the sign-in', async () => {
    const options = await harness.openOptions();
    await password(options, stack.demoUser.email, stack.demoUser.password);
    await options.getByLabel('Authentication code').waitFor();
    const before = await bootMarker(harness, options);
    await harness.stopWorker();
    await code(options, await app.freshCode());
    await options.getByRole('button', { name: 'Sign out' }).waitFor();
    const after = await bootMarker(harness, options);
    expect(after.bootId).not.toBe(before.bootId);
    expect(await harness.message(options, 'session.get')).toMatchObject({
      signedIn: true,
      email: stack.demoUser.email,
    });
    // Done with the challenge: nothing of it is left in storage.session.
    const session = await options.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(session)).not.toMatch(/Challenge/i);
    await options.close();
  }, 90_000);
});

describe('a pool that requires two-step sign-in (JOURNAL_MFA=required), in Chromium', () => {
  let stack: Stack;
  let harness: Harness;

  beforeAll(async () => {
    stack = await startStack({ port: 0, inMemory: true, mfa: 'required', log: () => {} });
    harness = await launchExtension();
    const page = await harness.openPopup();
    await configureByMessage(harness, page, stack.config);
    await page.close();
  });
  afterAll(async () => {
    await harness?.close();
    await stack?.close();
  });

  it('leads the first sign-in through setting up the app (MFA_SETUP), then signs in', async () => {
    const options = await harness.openOptions();
    await password(options, stack.demoUser.email, stack.demoUser.password);
    await options.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const key = (await options.getByLabel('Setup key').textContent()) ?? '';
    const setupApp = authenticatorApp(key.replace(/\s/g, ''));
    await code(options, setupApp.wrongCode());
    await options.getByText(WRONG_CODE).waitFor();
    await code(options, await setupApp.freshCode());
    await options.getByRole('button', { name: 'Sign out' }).waitFor();
    const section = options.getByRole('region', { name: 'Two-step verification' });
    await section.getByText('Two-step sign-in is on', { exact: false }).first().waitFor();
    await options.close();
  });
});
