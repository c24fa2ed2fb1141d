import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type RunningStack } from '../../backend/local/index';
import { launchExtension, type Harness } from './harness';

const GOOD = {
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_AbCdEf123',
  userPoolClientId: '1example23456789',
  identityPoolId: 'eu-central-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/graphql',
};

async function saveConfig(page: Page, json: string): Promise<void> {
  await page.getByLabel('Backend configuration').fill(json);
  await page.getByRole('button', { name: 'Save configuration' }).click();
}

const boxJson = async (page: Page) =>
  JSON.parse(await page.getByLabel('Backend configuration').inputValue()) as unknown;

describe('the options page: backend configuration', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchExtension();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('saves a good configuration and summarises it', async () => {
    const page = await harness.openOptions();
    await expect.poll(() => page.getByText('No backend is configured yet').count()).toBe(1);
    await saveConfig(page, JSON.stringify(GOOD));
    await page.getByRole('status').filter({ hasText: 'Configuration saved.' }).waitFor();
    const summary = page.getByRole('definition');
    await expect
      .poll(() => summary.allTextContents())
      .toEqual([
        GOOD.region,
        GOOD.userPoolId,
        GOOD.userPoolClientId,
        GOOD.identityPoolId,
        GOOD.graphqlUrl,
      ]);
    expect(await page.getByText('Saved in this browser.').count()).toBe(1);
    // Pretty-printed back into the box, as the worker stored it.
    expect(await boxJson(page)).toEqual(GOOD);
    await page.close();
  });

  it('refuses malformed JSON and a bad field by name, keeps the typing, and the saved one survives a reload', async () => {
    const page = await harness.openOptions();
    await expect.poll(() => boxJson(page).catch(() => null)).toEqual(GOOD);

    const broken = '{ "region": "eu-central-1", ';
    await saveConfig(page, broken);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not valid JSON/);
    expect(await page.getByLabel('Backend configuration').inputValue()).toBe(broken);

    const badRegion = JSON.stringify({ ...GOOD, identityPoolId: 'eu-west-1:nope' }, null, 2);
    await saveConfig(page, badRegion);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/"identityPoolId"/);
    expect(await page.getByLabel('Backend configuration').inputValue()).toBe(badRegion);
    // Typing clears the refusal; the live check still names the field.
    await page
      .getByLabel('Backend configuration')
      .fill(JSON.stringify({ ...GOOD, region: 'mars' }));
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(() => page.getByText('"region" must be an AWS region').count()).toBe(1);

    await page.reload();
    await expect.poll(() => boxJson(page).catch(() => null)).toEqual(GOOD);
    expect(await page.getByRole('definition').first().textContent()).toBe(GOOD.region);
    await page.close();
  });

  it('imports a configuration from a file into the box without saving it', async () => {
    const page = await harness.openOptions();
    await expect.poll(() => boxJson(page).catch(() => null)).toEqual(GOOD);
    const other = { ...GOOD, userPoolClientId: 'fromafile123' };
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import from file…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'local-config.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(other)),
    });
    await expect.poll(() => boxJson(page).catch(() => null)).toEqual(other);
    expect(await page.getByRole('definition').nth(2).textContent()).toBe(GOOD.userPoolClientId);
    await page.close();
  });
});

describe('the options page: account, against the local stack', () => {
  let harness: Harness;
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ port: 0, inMemory: true, log: () => {} });
    harness = await launchExtension();
  });
  afterAll(async () => {
    await harness?.close();
    await stack?.close();
  });

  async function openConfigured(): Promise<Page> {
    const page = await harness.openOptions();
    await saveConfig(page, JSON.stringify(stack.config));
    await page.getByRole('status').filter({ hasText: 'Configuration saved.' }).waitFor();
    expect(await page.getByText('local stack at 127.0.0.1').count()).toBe(1);
    return page;
  }

  it('a wrong password shows the worker’s alert, keeps the e-mail and empties the password', async () => {
    const page = await openConfigured();
    await page.getByLabel('Email').fill(stack.demoUser.email);
    await page.getByLabel('Password').fill('not-the-password-1A!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan(10);
    expect(await page.getByLabel('Email').inputValue()).toBe(stack.demoUser.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('signs in with the demo user, shows who, and signs out back to the form', async () => {
    const page = await openConfigured();
    await page.getByLabel('Email').fill(stack.demoUser.email);
    await page.getByLabel('Password').fill(stack.demoUser.password);
    await page.getByLabel('Password').press('Enter'); // Enter submits, like the button
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByText(stack.demoUser.email).count()).toBe(1);
    expect(await page.getByLabel('Password').count()).toBe(0);

    // Another page of the extension sees the same session straight from storage.
    const second = await harness.openOptions();
    await second.getByRole('button', { name: 'Sign out' }).waitFor();
    await second.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The address comes back for the next sign-in; the password does not.
    expect(await page.getByLabel('Email').inputValue()).toBe(stack.demoUser.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByText(/Signed in as/).count()).toBe(0);
    await page.close();
  });

  it('follows a sign-out made elsewhere (the popup) without a reload', async () => {
    const page = await openConfigured();
    await page.getByLabel('Email').fill(stack.demoUser.email);
    await page.getByLabel('Password').fill(stack.demoUser.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    const other = await harness.openPopup();
    await harness.message(other, 'auth.signOut', { everywhere: false });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await other.close();
    await page.close();
  });
});
