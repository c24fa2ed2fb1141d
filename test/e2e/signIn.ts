/**
 * Reusable e2e steps: give the extension a backend and sign in, either the way a person does
 * (the options page, the accessible names (docs/accessible-names.md)) or by message from any extension page.
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';

type Config = object;

/** Pastes the backend configuration's JSON (docs/backend-config.md) into **Backend configuration** and presses **Save configuration**. */
export async function configure(_harness: Harness, page: Page, config: Config): Promise<void> {
  await page.getByLabel('Backend configuration').fill(JSON.stringify(config, null, 2));
  await page.getByRole('button', { name: 'Save configuration' }).click();
  await page.getByText('Configuration saved', { exact: false }).waitFor();
}

/** Opens the options page, fills Email and Password, presses Sign in, waits for the e-mail. */
export async function signInFromOptions(
  harness: Harness,
  email: string,
  password: string,
  page?: Page,
): Promise<Page> {
  const options = page ?? (await harness.openOptions());
  await options.getByLabel('Email').fill(email);
  await options.getByLabel('Password', { exact: true }).fill(password);
  await options.getByRole('button', { name: 'Sign in', exact: true }).click();
  await options.getByText(email, { exact: false }).first().waitFor();
  await options.getByRole('button', { name: 'Sign out' }).waitFor();
  return options;
}

export async function configureByMessage(harness: Harness, page: Page, config: Config) {
  return harness.message(page, 'config.save', { json: JSON.stringify(config) });
}

export async function signInByMessage(
  harness: Harness,
  page: Page,
  email: string,
  password: string,
) {
  return harness.message<{ next: string }>(page, 'auth.signIn', { email, password });
}
