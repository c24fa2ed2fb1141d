/**
 * The core of the product, written once and run in Chromium and in Firefox ESR against the local
 * stack (real HTTP, SRP, JWT, SigV4): sign-in, save and list, the draft surviving a reopen, a stopped
 * background keeping the session, the offline outbox delivering once, the context menu, sign-out
 * leaving no token, and no uncaught error on the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '../../backend/local/index';
import {
  BROWSERS,
  launchBrowser,
  until,
  type ExtensionBrowser,
  type ExtensionPage,
} from './browsers/index';

type EntryPage = { items: { id: string; content: string }[]; nextToken: string | null };

const QUOTE = 'Words worth keeping, from a page.';

/** A web page to select text on (the context menu works on http pages, not on extension pages). */
async function serveQuotePage(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>A page worth quoting</title><p id="quote">${QUOTE}</p><p>Other words.</p>`,
    );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/quote.html` };
}

describe.each(BROWSERS)('the core in %s', (name) => {
  let stack: RunningStack;
  let browser: ExtensionBrowser;
  let web: { server: Server; url: string };
  const dataDir = mkdtempSync(join(tmpdir(), `journal-core-${name}-`));
  const log: string[] = [];
  const count = (what: string) => log.filter((line) => line.includes(what)).length;
  const srpSignIns = () => count('RespondToAuthChallenge 200');
  const start = (port = 0) =>
    startStack({ port, dataDir, log: (line) => log.push(line) }) as Promise<RunningStack>;

  /** How many entries the API holds with exactly this text. */
  const held = async (page: ExtensionPage, content: string) =>
    (await page.message<EntryPage>('journal.recent', { limit: 100 })).items.filter(
      (e) => e.content === content,
    ).length;
  const listed = (page: ExtensionPage, text: string) =>
    until(
      () => page.listItems('Recent entries'),
      (items) => items.some((item) => item.includes(text)),
      `"${text}" in Recent entries`,
    );
  async function jot(page: ExtensionPage, text: string) {
    await page.fill('New entry', text);
    await page.click('button', 'Save');
  }

  beforeAll(async () => {
    [stack, web, browser] = await Promise.all([start(), serveQuotePage(), launchBrowser(name)]);
    const options = await browser.openOptions();
    await options.fill('Backend configuration', JSON.stringify(stack.config, null, 2));
    await options.click('button', 'Save configuration');
    await options.waitForText('Configuration saved');
    await options.close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    web?.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a wrong password shows a message on the options page and signs nobody in', async () => {
    const options = await browser.openOptions();
    await options.fill('Email', stack.demoUser.email);
    await options.fill('Password', 'Not-the-password1!');
    await options.click('button', 'Sign in');
    await options.waitForText('The e-mail or password is not right. Check them and try again.');
    expect(await options.message('session.get')).toMatchObject({ signedIn: false });
    await options.close();
  });

  it('signs in from the options page with the demo user, by SRP', async () => {
    const before = srpSignIns();
    const options = await browser.openOptions();
    await options.fill('Email', stack.demoUser.email);
    await options.fill('Password', stack.demoUser.password);
    await options.click('button', 'Sign in');
    await options.waitFor('button', 'Sign out');
    await options.waitForText(stack.demoUser.email);
    expect(srpSignIns() - before).toBe(1);
    expect(await options.message('session.get')).toMatchObject({
      signedIn: true,
      email: stack.demoUser.email,
    });
    await options.close();
  });

  it('an entry saved in the popup is listed, and the API holds it once', async () => {
    const popup = await browser.openPopup();
    await until(() => popup.isFocused('New entry'), Boolean, 'New entry focused');
    await jot(popup, `saved in ${name}`);
    await listed(popup, `saved in ${name}`);
    await until(
      () => popup.value('New entry'),
      (v) => v === '',
      'the box emptied',
    );
    expect(await held(popup, `saved in ${name}`)).toBe(1);
    expect(count('CreateEntry 200')).toBe(1);
    await popup.close();

    // Painted from the cache on the next open, and Ctrl+Enter saves too.
    const again = await browser.openPopup();
    await listed(again, `saved in ${name}`);
    await again.fill('New entry', 'saved with the keyboard');
    await again.press('New entry', 'Control+Enter');
    await listed(again, 'saved with the keyboard');
    expect(await held(again, 'saved with the keyboard')).toBe(1);
    await again.close();
  });

  it('unsaved text comes back when the popup is opened again', async () => {
    const popup = await browser.openPopup();
    await popup.type('New entry', 'half a thought');
    await until(
      () => popup.storage('local'),
      (local) => JSON.stringify(local).includes('half a thought'),
      'the draft in storage',
    );
    await popup.close();
    const reopened = await browser.openPopup();
    await until(
      () => reopened.value('New entry'),
      (v) => v === 'half a thought',
      'the draft back',
    );
    await reopened.close();
  });

  it('a stopped background wakes up still signed in: no new sign-in', async () => {
    const popup = await browser.openPopup();
    const before = await popup.message<{ bootId: string }>('ping');
    const signIns = srpSignIns();
    const queries = count('RecentEntries 200');
    await browser.stopBackground();
    const page = await popup.message<EntryPage>('journal.recent', {});
    expect(page.items.map((e) => e.content)).toContain(`saved in ${name}`);
    expect((await popup.message<{ bootId: string }>('ping')).bootId).not.toBe(before.bootId);
    expect(count('RecentEntries 200')).toBeGreaterThan(queries);
    expect(srpSignIns()).toBe(signIns);
    expect(await popup.message('session.get')).toMatchObject({
      signedIn: true,
      email: stack.demoUser.email,
    });
    await popup.close();
    // The draft outlived the background too.
    const reopened = await browser.openPopup();
    await until(
      () => reopened.value('New entry'),
      (v) => v === 'half a thought',
      'the draft back',
    );
    await reopened.close();
  });

  it('with the stack down an entry waits (badge 1), then is delivered once when it is back', async () => {
    const port = stack.port;
    await stack.close();
    const popup = await browser.openPopup();
    await jot(popup, `offline in ${name}`);
    await popup.waitForText('Waiting to be saved');
    await until(
      () => popup.value('New entry'),
      (v) => v === '',
      'the box emptied',
    );
    await until(
      () => popup.badge(),
      (b) => b === '1',
      'badge 1',
    );
    await popup.close();

    await browser.stopBackground();
    stack = await start(port);
    // Opening the popup retries what waits: no alarm needed.
    const reopened = await browser.openPopup();
    await until(
      () => reopened.badge(),
      (b) => b === '',
      'badge cleared',
    );
    await until(
      () => reopened.listItems('Recent entries'),
      (items) =>
        items.some((i) => i.includes(`offline in ${name}`) && !i.includes('Waiting to be saved')),
      'the offline entry saved',
    );
    expect(await held(reopened, `offline in ${name}`)).toBe(1);
    await reopened.message('outbox.retry', {});
    expect(await held(reopened, `offline in ${name}`)).toBe(1);
    expect(await reopened.message('outbox.list')).toEqual([]);
    await reopened.close();
  });

  it('"Add selection to journal" on a web page saves the quote with its address', async () => {
    const page = await browser.openWeb(web.url);
    expect(await page.select('#quote')).toBe(QUOTE);
    await browser.chooseMenuItem(page, {
      id: 'journal-add-selection',
      title: 'Add selection to journal',
    });
    const popup = await browser.openPopup();
    const saved = await until(
      async () =>
        (await popup.message<EntryPage>('journal.recent', {})).items.filter((e) =>
          e.content.startsWith(`"${QUOTE}"`),
        ),
      (entries) => entries.length > 0,
      'the quote in the journal',
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]!.content).toContain(web.url);
    await page.close();
    await popup.close();
  });

  it('sign-out leaves no token or credential in any storage area', async () => {
    const popup = await browser.openPopup();
    await popup.message('journal.recent', {}); // credentials in storage now
    const dump = async () =>
      JSON.stringify({
        local: await popup.storage('local'),
        session: await popup.storage('session'),
      });
    const before = await dump();
    expect(before).toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(before).toContain('ASIA');
    const secrets = [...before.matchAll(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g)].map((m) => m[0]);

    const options = await browser.openOptions();
    await options.click('button', 'Sign out');
    await options.waitFor('button', 'Sign in');
    const after = await dump();
    expect(after).not.toContain('eyJ');
    expect(after).not.toContain('ASIA');
    for (const secret of secrets) expect(after).not.toContain(secret);
    expect(await popup.message('session.get')).toMatchObject({ signedIn: false, email: null });
    await options.close();
    await popup.close();
  });

  it('no uncaught error in the extension all along', async () => {
    expect(await browser.errors()).toEqual([]);
  });
});
