import { accountKey, outboxKey } from '../../shared/keys';
import type { OutboxItem } from '../../shared/types';
import { reflectOutbox } from './effects';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

let chain: Promise<unknown> = Promise.resolve();

/**
 * Read-modify-write of the outbox, one at a time: handlers, alarms and menu clicks run
 * concurrently in the worker, and two interleaved writes would drop an item.
 */
export function updateOutbox(
  fn: (items: OutboxItem[]) => OutboxItem[],
  clock: Clock = systemClock,
): Promise<OutboxItem[]> {
  const run = chain.then(async () => {
    const next = fn(await outboxKey.get());
    await outboxKey.set(next);
    await reflectOutbox(next, await currentSub(), clock.now());
    return next;
  });
  chain = run.catch(() => undefined);
  return run;
}

export async function currentSub(): Promise<string | null> {
  return (await accountKey.get())?.sub ?? null;
}

/** On wake and sign-in changes: the badge and alarm as they should be for who is signed in now. */
export async function refreshOutboxEffects(clock: Clock = systemClock): Promise<void> {
  await reflectOutbox(await outboxKey.get(), await currentSub(), clock.now());
}
