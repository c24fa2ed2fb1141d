// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshBrowser } from '../../fakes/setup';
import { App } from '../../../src/options/App';
import { accountKey } from '../../../src/shared/keys';
import type { BackendConfig } from '../../../src/shared/config';
import { startFakeWorker } from './fakeWorker';
import { alerts, button, buttons, click, field, labels, statuses, submit, type } from './dom';

const CONFIG: BackendConfig = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Local1',
  userPoolClientId: 'client123',
  identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
  graphqlUrl: 'http://127.0.0.1:4566/prod/graphql',
  cognitoIdpEndpoint: 'http://127.0.0.1:4566/',
  cognitoIdentityEndpoint: 'http://127.0.0.1:4566/',
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

beforeEach(() => {
  freshBrowser();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The accessible names (docs/accessible-names.md) must be unique on screen, whichever form shows. */
function expectUniqueNames() {
  expect(labels().filter((l) => /email|password/i.test(l)).length).toBeLessThanOrEqual(2);
  for (const word of ['Email', 'Password'])
    expect(
      labels().filter((l) => l.toLowerCase().includes(word.toLowerCase())).length,
    ).toBeLessThanOrEqual(1);
  const names = buttons().map((b) => b.textContent?.trim().toLowerCase() ?? '');
  expect(names.filter((n) => n.includes('sign in')).length).toBeLessThanOrEqual(1);
  expect(names.filter((n) => n.includes('sign out')).length).toBeLessThanOrEqual(1);
}

describe('the options page, against a fake worker', () => {
  it('signs in: busy and deaf to a second submit while the worker answers, then shows who', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: true });
    mount();
    await vi.waitFor(() => field('Email'));
    type(field('Email'), EMAIL);
    type(field('Password'), PASSWORD);

    let release!: () => void;
    worker.state.hold = new Promise<void>((r) => (release = r));
    await submit('Sign in', 2); // a double Enter lands before the re-render that disables the button
    await vi.waitFor(() => expect(button('Sign in').disabled).toBe(true));
    expect(button('Sign in').getAttribute('aria-busy')).toBe('true');
    release();
    worker.state.hold = null;

    await vi.waitFor(() => button('Sign out'));
    expect(text()).toContain(`Signed in as ${EMAIL}`);
    expect(worker.state.calls.filter((c) => c.type === 'auth.signIn')).toHaveLength(1);
    expectUniqueNames();
  });

  it('a refused sign-in shows the worker’s sentence, keeps the e-mail and clears the password', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: true });
    mount();
    await vi.waitFor(() => field('Email'));
    type(field('Email'), EMAIL);
    type(field('Password'), 'wrong');
    await submit('Sign in');
    await vi.waitFor(() => expect(alerts()).toEqual(['Incorrect e-mail or password.']));
    expect(field('Email').value).toBe(EMAIL);
    expect(field('Password').value).toBe('');
    expect(document.activeElement).toBe(field('Password'));
    expect(button('Sign in').disabled).toBe(false);
  });

  it('an unconfirmed account goes to the confirmation step with its e-mail, and can resend and confirm', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: false });
    mount();
    await vi.waitFor(() => field('Email'));
    type(field('Email'), EMAIL);
    type(field('Password'), PASSWORD);
    await submit('Sign in');

    await vi.waitFor(() => field('Confirmation code'));
    expect(field('Email').value).toBe(EMAIL);
    expect(alerts()).toEqual([]);
    expect(text()).toMatch(/not confirmed yet/);
    expectUniqueNames();

    await click(button('Resend code'));
    await vi.waitFor(() => expect(statuses().join()).toMatch(/d\*\*\*@e\*\*\*/));
    expect(worker.state.calls.at(-1)).toEqual({
      type: 'auth.resendCode',
      request: { email: EMAIL },
    });

    type(field('Confirmation code'), '000000');
    await submit('Confirm');
    await vi.waitFor(() => expect(alerts()).toEqual(['That code is wrong.']));
    expect(field('Confirmation code').value).toBe('000000'); // only passwords are cleared

    type(field('Confirmation code'), '123456');
    await submit('Confirm');
    await vi.waitFor(() => button('Sign in'));
    expect(field('Email').value).toBe(EMAIL);
    expect(statuses().join()).toMatch(/confirmed/);
  });

  it('moves focus to the new form’s first empty field', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: false });
    mount();
    await vi.waitFor(() => field('Email'));
    type(field('Email'), EMAIL);
    type(field('Password'), PASSWORD);
    await submit('Sign in');
    // The e-mail is already filled in: the person's next job is the code.
    await vi.waitFor(() => expect(document.activeElement).toBe(field('Confirmation code')));
  });

  it('shows one form at a time, each with unique names, and comes back by "Back to sign-in"', async () => {
    startFakeWorker({ config: CONFIG });
    mount();
    await vi.waitFor(() => field('Email'));
    type(field('Email'), EMAIL);
    const visits: [string, string[]][] = [
      ['Create an account', ['Email', 'Password']],
      ['Forgot your password?', ['Email']],
    ];
    for (const [link, fields] of visits) {
      await click(button(link));
      await vi.waitFor(() => button('Back to sign-in'));
      const accountLabels = labels().filter((l) => l !== 'Backend configuration');
      expect(accountLabels).toEqual(fields);
      expect(field('Email').value).toBe(EMAIL); // switching forms keeps the address
      expectUniqueNames();
      await click(button('Back to sign-in'));
      await vi.waitFor(() => button('Sign in'));
    }
    await click(button('Forgot your password?'));
    await vi.waitFor(() => button('I have a code'));
    await click(button('I have a code'));
    await vi.waitFor(() => field('New password'));
    expect(labels().filter((l) => l !== 'Backend configuration')).toEqual([
      'Email',
      'Code',
      'New password',
    ]);
    expect(field('New password').getAttribute('autocomplete')).toBe('new-password');
    expect(field('Code').getAttribute('autocomplete')).toBe('one-time-code');
    expectUniqueNames();
  });

  it('paints the signed-in state from storage before the worker answers', async () => {
    await accountKey.set({ email: EMAIL, sub: 'sub-1' });
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.hold = new Promise<void>(() => {}); // the worker never answers
    mount();
    await vi.waitFor(() => button('Sign out'));
    expect(text()).toContain(`Signed in as ${EMAIL}`);
  });

  it('follows a sign-out made elsewhere and says why', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.users.set(EMAIL, { password: PASSWORD, confirmed: true });
    worker.state.email = EMAIL;
    await accountKey.set({ email: EMAIL, sub: 'sub-1' });
    mount();
    await vi.waitFor(() => button('Sign out'));

    await worker.signOut('Your session expired. Sign in again.');
    await vi.waitFor(() => button('Sign in'));
    await vi.waitFor(() => expect(statuses()).toContain('Your session expired. Sign in again.'));
  });

  it('"Also sign out on my other devices" sends a global sign-out', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.email = EMAIL;
    await accountKey.set({ email: EMAIL, sub: 'sub-1' });
    mount();
    await vi.waitFor(() => button('Sign out'));
    await click(field('Also sign out on my other devices'));
    await submit('Sign out');
    await vi.waitFor(() => button('Sign in'));
    expect(worker.state.calls).toContainEqual({
      type: 'auth.signOut',
      request: { everywhere: true },
    });
    expect(field('Email').value).toBe(EMAIL);
  });
});

describe('the configuration box, against a fake worker', () => {
  it('shows the worker’s refusal, keeps what was typed, and leaves the saved settings alone', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    mount();
    const box = () => field('Backend configuration');
    await vi.waitFor(() => expect(JSON.parse(box().value)).toEqual(CONFIG));
    expect(text()).toContain('Saved in this browser.');

    // Valid for the page's parser, refused by the worker: the page must show the worker's words.
    const typed = JSON.stringify({ ...CONFIG, userPoolClientId: 'other123' });
    const save = worker.state.calls.length;
    const original = worker.state.config;
    worker.state.refuseConfigWith = 'The worker refuses "userPoolClientId".';
    type(box(), typed);
    await submit('Save configuration');
    await vi.waitFor(() => expect(alerts()).toEqual(['The worker refuses "userPoolClientId".']));
    expect(box().value).toBe(typed);
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(worker.state.calls.slice(save).map((c) => c.type)).toEqual(['config.save']);
    expect(worker.state.config).toBe(original);
  });

  it('refuses a bad field without waking the worker, naming it', async () => {
    const worker = startFakeWorker();
    mount();
    await vi.waitFor(() => expect(text()).toContain('No backend is configured yet'));
    type(field('Backend configuration'), JSON.stringify({ ...CONFIG, graphqlUrl: 'ftp://x' }));
    // Live, before saving.
    await vi.waitFor(() => expect(text()).toContain('"graphqlUrl" must be the https URL'));
    expect(alerts()).toEqual([]);
    await submit('Save configuration');
    await vi.waitFor(() => expect(alerts()[0]).toMatch(/"graphqlUrl"/));
    expect(worker.state.calls.map((c) => c.type)).not.toContain('config.save');
  });

  it('saves, summarises, and says when changing backend signed the person out', async () => {
    const worker = startFakeWorker({ config: CONFIG });
    worker.state.email = EMAIL;
    await accountKey.set({ email: EMAIL, sub: 'sub-1' });
    mount();
    await vi.waitFor(() => button('Sign out'));
    const next = { ...CONFIG, userPoolClientId: 'newclient9' };
    type(field('Backend configuration'), JSON.stringify(next));
    await submit('Save configuration');
    await vi.waitFor(() => expect(statuses().join()).toMatch(/signed you out/));
    expect(JSON.parse(field('Backend configuration').value)).toEqual(next);
    expect([...document.querySelectorAll('dd')].map((d) => d.textContent)).toContain('newclient9');
    expect(text()).toContain('local stack at 127.0.0.1:4566');
    await vi.waitFor(() => button('Sign in'));
  });
});
