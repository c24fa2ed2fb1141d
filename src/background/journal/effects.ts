import browser from 'webextension-polyfill';
import type { OutboxItem } from '../../shared/types';
import { badgeText, nextAttemptTime } from './outbox';

export const OUTBOX_ALARM = 'journal-outbox';
/** Chrome refuses to fire sooner than this in a packed extension (and warns about it unpacked). */
const MIN_ALARM_DELAY_MS = 30_000;

/** What the browser shows and schedules follows the outbox: the badge count and the retry alarm. */
export async function reflectOutbox(
  items: readonly OutboxItem[],
  sub: string | null,
  now: number,
): Promise<void> {
  const next = nextAttemptTime(items, sub);
  await Promise.all([
    browser.action.setBadgeText({ text: badgeText(items, sub) }),
    next === null
      ? browser.alarms.clear(OUTBOX_ALARM)
      : browser.alarms.create(OUTBOX_ALARM, { when: Math.max(next, now + MIN_ALARM_DELAY_MS) }),
  ]);
}

export async function setBadgeColour(): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: '#7a4e1d' });
}
