// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshBrowser } from '../../fakes/setup';
import { App } from '../../../src/options/App';
import type { BackendConfig } from '../../../src/shared/config';
import { startFakeWorker, TOTP_CODE, TOTP_SECRET } from './fakeWorker';
import { alerts, button, buttons, click, field, labels, statuses, submit, type } from './dom';

const CONFIG: BackendConfig = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Local1',
  userPoolClientId: 'client123',
  identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'http://127.0.0.1:4566/prod/graphql',
};
const EMAIL = 'demo@journal.local';
const PASSWORD = 'Demo-passw0rd!';

let root: HTMLElement;
function mount() {
  root = document.createElement('div');
  document.body.append(root);
  render(<App />, root);
}
const text = () => root.textContent ?? '';
const qr = () => root.querySelector('svg[role="img"]');

beforeEach(() => freshBrowser());
afterEach(() => {
  render(null, root);
  root.remove();
});

async function signIn() {
  await vi.waitFor(() => field('Email'));
  type(field('Email'), EMAIL);
  type(field('Password'), PASSWORD);
  await submit('Sign in');
}

describe('two-step verification on the options page', () => {
  it('sets up an authenticator app with a QR code and the key as text, then turns it off with a code', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: true });
    mount();
    await signIn();
    await vi.waitFor(() => button('Set up authenticator app'));
    expect(root.querySelector('#two-step-heading')?.textContent).toBe('Two-step verification');
    expect(text()).toContain('Two-step sign-in is off');

    await click(button('Set up authenticator app'));
    await vi.waitFor(() => expect(qr()).not.toBeNull());
    expect(qr()?.getAttribute('aria-label')).toBe('QR code for your authenticator app');
    expect(qr()?.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    const key = root.querySelector('code.totp-key');
    expect(key?.textContent?.replace(/\s/g, '')).toBe(TOTP_SECRET);

    type(field('Authentication code'), '000000');
    await submit('Verify');
    await vi.waitFor(() => expect(alerts()).toContain('That code is not right.'));
    expect(field('Authentication code').value).toBe('');
    type(field('Authentication code'), `${TOTP_CODE.slice(0, 3)} ${TOTP_CODE.slice(3)}`);
    await submit('Verify');
    await vi.waitFor(() => expect(statuses().join(' ')).toContain('Two-step sign-in is on'));
    // The key is shown once: gone from the page once the app is set up.
    expect(root.querySelector('code.totp-key')).toBeNull();
    expect(qr()).toBeNull();
    expect(worker.state.users.get(EMAIL)?.totp).toBe(true);

    await click(button('Turn off'));
    await vi.waitFor(() => field('Authentication code'));
    expect(buttons().filter((b) => b.textContent?.trim() === 'Turn off')).toHaveLength(1);
    type(field('Authentication code'), '111111');
    await submit('Turn off');
    await vi.waitFor(() => expect(alerts()).toContain('That code is not right.'));
    expect(worker.state.users.get(EMAIL)?.totp).toBe(true);
    type(field('Authentication code'), TOTP_CODE);
    await submit('Turn off');
    await vi.waitFor(() => expect(statuses().join(' ')).toContain('Two-step sign-in is off'));
    expect(worker.state.users.get(EMAIL)?.totp).toBe(false);
    await vi.waitFor(() => button('Set up authenticator app'));
  });

  it('asks for the authentication code after the password, says when it is wrong, then signs in', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: true, totp: true });
    mount();
    await signIn();
    await vi.waitFor(() => field('Authentication code'));
    expect(labels()).not.toContain('Password');
    type(field('Authentication code'), '000000');
    await submit('Verify');
    await vi.waitFor(() => expect(alerts()).toContain('That code is not right.'));
    expect(field('Authentication code').value).toBe('');
    type(field('Authentication code'), TOTP_CODE);
    await submit('Verify');
    await vi.waitFor(() => button('Sign out'));
    expect(text()).toContain(`Signed in as ${EMAIL}`);
    await vi.waitFor(() => expect(text()).toContain('Two-step sign-in is on'));
  });

  it('an expired challenge goes back to the password with the worker’s "start again"', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: true, totp: true });
    mount();
    await signIn();
    await vi.waitFor(() => field('Authentication code'));
    worker.state.expireChallenge = true;
    type(field('Authentication code'), TOTP_CODE);
    await submit('Verify');
    await vi.waitFor(() => field('Password'));
    expect(alerts().join(' ')).toContain('Start again');
    expect(labels()).not.toContain('Authentication code');
  });

  it('a pool that requires it leads through setting up the app during sign-in', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: true });
    worker.state.mfaRequired = true;
    mount();
    await signIn();
    await vi.waitFor(() => expect(qr()).not.toBeNull());
    expect(statuses().join(' ')).toContain('requires two-step sign-in');
    expect(root.querySelector('code.totp-key')?.textContent?.replace(/\s/g, '')).toBe(TOTP_SECRET);
    type(field('Authentication code'), TOTP_CODE);
    await submit('Verify');
    await vi.waitFor(() => button('Sign out'));
    expect(worker.state.users.get(EMAIL)?.totp).toBe(true);
  });
});
