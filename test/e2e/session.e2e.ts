import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../../backend/local/index';
import { launchExtension, type Harness } from './harness';
import { configureByMessage, signInFromOptions } from './signIn';

type Stack = Awaited<ReturnType<typeof startStack>>;
type EntryPage = { items: { id: string; content: string }[]; nextToken: string | null };

// Short lifetimes, so expiry happens inside the test: tokens refresh after 6 s, credentials after 5 s.
const TOKEN_TTL_S = 12;
const CREDENTIALS_TTL_S = 10;

// A wrong password, a stopped worker keeping the session and sign-out leaving no token run in both
// browsers in core.e2e.ts.
describe('the session in Chromium against the local stack', () => {
  let stack: Stack;
  let harness: Harness;
  const log: string[] = [];
  const count = (what: string) => log.filter((line) => line.includes(what)).length;
  // The stack's log names InitiateAuth's flow: a sign-in starts with USER_SRP_AUTH, a refresh is
  // REFRESH_TOKEN_AUTH (the library sends the older name REFRESH_TOKEN for it too).
  const srpSignIns = () => count('RespondToAuthChallenge 200');
  const refreshes = () =>
    log.filter((line) => /InitiateAuth REFRESH_TOKEN(_AUTH)? 200/.test(line)).length;

  beforeAll(async () => {
    stack = await startStack({
      port: 0,
      inMemory: true,
      tokenTtlS: TOKEN_TTL_S,
      credentialsTtlS: CREDENTIALS_TTL_S,
      log: (line) => log.push(line),
    });
    harness = await launchExtension();
    const page = await harness.openPopup();
    await configureByMessage(harness, page, stack.config as unknown as Record<string, unknown>);
    await page.close();
  });
  afterAll(async () => {
    await harness?.close();
    await stack?.close();
  });

  it('signs in from the options page; the popup then reads and writes that user’s journal', async () => {
    const before = srpSignIns();
    const options = await signInFromOptions(harness, stack.demoUser.email, stack.demoUser.password);
    expect(srpSignIns() - before).toBe(1);
    const popup = await harness.openPopup();
    const created = await harness.message<{ entry: { id: string; content: string } | null }>(
      popup,
      'journal.create',
      { content: 'written through the signed API' },
    );
    expect(created.entry?.content).toBe('written through the signed API');
    const page = await harness.message<EntryPage>(popup, 'journal.recent', {});
    expect(page.items.map((e) => e.content)).toContain('written through the signed API');
    expect(count('CreateEntry')).toBeGreaterThanOrEqual(1);
    expect(count('RecentEntries')).toBeGreaterThanOrEqual(1);
    await popup.close();
    await options.close();
  });

  it('after tokens and credentials expire, 5 concurrent queries renew once and succeed', async () => {
    const popup = await harness.openPopup();
    await new Promise((resolve) => setTimeout(resolve, (TOKEN_TTL_S + 1) * 1000));
    const [refreshBefore, credsBefore, signInsBefore] = [
      refreshes(),
      count('GetCredentialsForIdentity'),
      srpSignIns(),
    ];
    const pages = await Promise.all(
      Array.from({ length: 5 }, () => harness.message<EntryPage>(popup, 'journal.recent', {})),
    );
    for (const page of pages)
      expect(page.items.map((e) => e.content)).toContain('written through the signed API');
    expect(refreshes() - refreshBefore).toBe(1);
    expect(count('GetCredentialsForIdentity') - credsBefore).toBe(1);
    expect(srpSignIns()).toBe(signInsBefore);
    await popup.close();
  });

  it('configureByMessage: the same config again keeps everyone as they were', async () => {
    const popup = await harness.openPopup();
    expect(await configureByMessage(harness, popup, stack.config as never)).toMatchObject({
      signedOut: false,
    });
    await popup.close();
  });
});
