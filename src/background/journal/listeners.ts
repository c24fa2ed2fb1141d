import browser from 'webextension-polyfill';
import { accountKey } from '../../shared/keys';
import { OUTBOX_ALARM, setBadgeColour } from './effects';
import type { Journal } from './journal';
import { installMenu, onMenuClick } from './menu';

function report(err: unknown): void {
  console.error('[journal]', err);
}

/**
 * Registers the journal's listeners. Call synchronously at the worker's top level: MV3 wakes the
 * worker for an alarm, a menu click or a browser start only if the listener exists before any await.
 */
export function registerJournalListeners(journal: Journal): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) journal.deliver().catch(report);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    onMenuClick(journal)(info, tab)?.catch(report);
  });
  browser.runtime.onInstalled.addListener(() => {
    Promise.all([installMenu(), setBadgeColour()]).catch(report);
  });
  // Its presence is what starts the worker with the browser; the wake below does the work.
  browser.runtime.onStartup.addListener(() => undefined);
  accountKey.watch((after, before) => {
    if (before?.sub === after?.sub) return;
    // Someone signed in (or switched): their waiting entries can go; the badge counts theirs.
    // A task later, so every context's cached copy of the account has seen the change too.
    setTimeout(() => void journal.wake().catch(report), 0);
  });
  journal.wake().catch(report);
}
