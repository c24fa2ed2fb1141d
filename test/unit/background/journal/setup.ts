import { createJournalHandlers } from '../../../../src/background/messages/journalHandlers';
import { createJournal } from '../../../../src/background/journal/journal';
import { createOutboxWriter } from '../../../../src/background/journal/outboxWriter';
import type { Handlers } from '../../../../src/background/messages/router';
import { accountKey } from '../../../../src/shared/keys';
import type { MessageType, RequestOf, ResponseOf } from '../../../../src/shared/protocol';
import { fakeJournalApi } from './fakeJournalApi';

export const ME = { email: 'me@example.com', sub: 'sub-me' };

/** A journal wired to the fake browser and an in-memory API, with a clock the test moves. */
export function journalUnderTest() {
  const fake = fakeJournalApi();
  const clock = { t: Date.parse('2025-03-01T10:00:00Z'), now: () => clock.t };
  let n = 0;
  const outbox = createOutboxWriter(clock.now);
  const journal = createJournal({
    api: fake.api,
    clock: clock.now,
    outbox,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  const handlers = createJournalHandlers({ journal, clock: clock.now }) as Partial<Handlers>;
  async function call<T extends MessageType>(
    type: T,
    ...[request]: RequestOf<T> extends void ? [] : [RequestOf<T>]
  ): Promise<ResponseOf<T>> {
    const handler = handlers[type] as Handlers[T];
    return handler.run(handler.parse(request)) as Promise<ResponseOf<T>>;
  }
  return { fake, clock, journal, call, signIn: (who = ME) => accountKey.set(who) };
}
