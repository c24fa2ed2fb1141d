import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { fakeState } from '../../../fakes/browser';
import type { FakeEvent } from '../../../fakes/events';
import { freshBrowser } from '../../../fakes/setup';
import { OUTBOX_ALARM } from '../../../../src/background/journal/effects';
import { registerJournalListeners } from '../../../../src/background/journal/listeners';
import { MENU_ID } from '../../../../src/background/journal/menu';
import { accountKey, outboxKey } from '../../../../src/shared/keys';
import { ME, journalUnderTest } from './setup';

/** The fake's events keep their listeners where a test can call them, as the browser would. */
const listenersOf = <L extends (...args: never[]) => unknown>(event: unknown) =>
  (event as FakeEvent<L>).listeners;

/** Lets queued storage events, timers and the delivery they start run to the end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('the journal’s worker listeners', () => {
  beforeEach(freshBrowser);

  it('on wake, sets the badge from storage and delivers what waits', async () => {
    const t = journalUnderTest();
    await t.signIn();
    t.fake.state.mode = 'NETWORK';
    await t.call('journal.create', { content: 'left over' });
    await browser.action.setBadgeText({ text: '' }); // a fresh browser shows no badge
    t.fake.state.mode = 'ok';
    registerJournalListeners(t.journal);
    await settle();
    expect(t.fake.entries.map((e) => e.content)).toEqual(['left over']);
    expect(fakeState().badge.text).toBe('');
  });

  it('registers onStartup, so the browser starts the worker (and the wake retries) at launch', () => {
    registerJournalListeners(journalUnderTest().journal);
    expect(listenersOf(browser.runtime.onStartup).size > 0).toBe(true);
  });

  it('delivers an entry written signed out once someone signs in, as theirs', async () => {
    const t = journalUnderTest();
    registerJournalListeners(t.journal);
    await t.call('journal.create', { content: 'written signed out' });
    expect(fakeState().badge.text).toBe('1');
    expect(t.fake.calls).toEqual([]);
    await accountKey.set(ME);
    await settle();
    expect(t.fake.entries.map((e) => e.content)).toEqual(['written signed out']);
    expect(await outboxKey.get()).toEqual([]);
    expect(fakeState().badge.text).toBe('');
  });

  it('retries when the alarm fires', async () => {
    const t = journalUnderTest();
    await t.signIn();
    registerJournalListeners(t.journal);
    await settle();
    t.fake.state.mode = 'NETWORK';
    await t.call('journal.create', { content: 'later' });
    t.fake.state.mode = 'ok';
    t.clock.t += 30_000;
    fakeState().fireAlarm(OUTBOX_ALARM);
    await settle();
    expect(t.fake.entries.map((e) => e.content)).toEqual(['later']);
    expect(fakeState().alarms.has(OUTBOX_ALARM)).toBe(false);
  });

  it('adds the selection menu item on install, once, even when installed again', async () => {
    registerJournalListeners(journalUnderTest().journal);
    for (let i = 0; i < 2; i++) {
      for (const listener of listenersOf<(d: { reason: string }) => void>(
        browser.runtime.onInstalled,
      ))
        listener({ reason: 'update' });
      await settle();
    }
    expect([...fakeState().menus.values()]).toEqual([
      { id: MENU_ID, title: 'Add selection to journal', contexts: ['selection'] },
    ]);
  });

  it('turns a selection into an entry quoting it with the page’s title and address', async () => {
    const t = journalUnderTest();
    await t.signIn();
    registerJournalListeners(t.journal);
    const tab = { id: 3, title: 'A page', url: 'https://example.com/a' };
    for (const listener of listenersOf<(info: object, tab?: object) => void>(
      browser.contextMenus.onClicked,
    ))
      listener({ menuItemId: MENU_ID, selectionText: 'wise words', pageUrl: tab.url }, tab);
    await settle();
    expect(t.fake.entries.map((e) => e.content)).toEqual([
      '"wise words"\n\n— A page https://example.com/a',
    ]);
  });

  it('keeps an over-long selection refused in the outbox instead of losing it', async () => {
    const t = journalUnderTest();
    await t.signIn();
    registerJournalListeners(t.journal);
    for (const listener of listenersOf<(info: object, tab?: object) => void>(
      browser.contextMenus.onClicked,
    ))
      listener({
        menuItemId: MENU_ID,
        selectionText: 'w'.repeat(70_000),
        pageUrl: 'https://e.com',
      });
    await settle();
    const [item] = await outboxKey.get();
    expect(item).toMatchObject({ status: 'refused' });
    expect(item?.lastError).toMatch(/the limit is 65,536/);
    expect(t.fake.calls).toEqual([]);
    expect(fakeState().badge.text).toBe('1');
  });
});
