/**
 * What one Save costs inside the worker: storage reads, outbox writes, badge updates, alarm calls
 * and requests, counted on the real worker (composition root, session, credentials, signed
 * client) over the fake browser and a fake AWS behind fetch. The figures are the measure
 * of work done twice; the assertions keep them from creeping back.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { freshBrowser } from '../../fakes/setup';
import { configKey } from '../../../src/background/config/keys';
import { createWorker } from '../../../src/background/worker';
import { draftKey } from '../../../src/shared/keys';
import { CONFIG, FakeProvider, testClock, tokens } from './helpers';
import { fakeAws } from './fakeAws';

const SERVER = 1_700_000_000_000;

async function signedInWorker() {
  await configKey.set(CONFIG);
  const clock = testClock(SERVER);
  let n = 0;
  const entries: unknown[] = [];
  const aws = fakeAws({
    serverNow: clock,
    graphql: ({ query, variables }) => {
      if (/^mutation CreateEntry/.test(query)) {
        const entry = { ...variables, updateDate: null };
        entries.push(entry);
        return { data: { createEntry: entry } };
      }
      return { data: { recentEntries: { items: [], nextToken: null } } };
    },
  });
  const provider = new FakeProvider();
  const worker = createWorker({
    clock,
    fetch: aws.fetch,
    provider: (_c, storage) => provider.attach(storage),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  await worker.session.providerFor(CONFIG);
  const first = tokens(SERVER / 1000);
  provider.stored = first;
  await worker.session.established('ann@example.com', first);
  return { worker, aws, entries };
}

function count() {
  const local = browser.storage.local;
  const session = browser.storage.session;
  const spies = {
    reads: [vi.spyOn(local, 'get'), vi.spyOn(session, 'get')],
    writes: vi.spyOn(local, 'set'),
    badge: vi.spyOn(browser.action, 'setBadgeText'),
    alarms: [vi.spyOn(browser.alarms, 'create'), vi.spyOn(browser.alarms, 'clear')],
  };
  return {
    figures: () => ({
      storageReads: spies.reads.reduce((sum, s) => sum + s.mock.calls.length, 0),
      outboxWrites: spies.writes.mock.calls.filter(([items]) => 'outbox' in items).length,
      badgeUpdates: spies.badge.mock.calls.length,
      alarmCalls: spies.alarms.reduce((sum, s) => sum + s.mock.calls.length, 0),
    }),
  };
}

describe('one Save', () => {
  beforeEach(freshBrowser);

  it('reads storage, writes the outbox, sets the badge and sends as little as it can', async () => {
    const { worker, aws, entries } = await signedInWorker();
    // Warm, as a person's second save is: credentials fetched, caches filled.
    const warm = worker.handlers['journal.create'];
    await warm.run(warm.parse({ content: 'warming up' }));
    await draftKey.set({ text: 'the words', updatedAt: 1 });
    await new Promise((r) => setTimeout(r, 0));
    const before = aws.calls.length;
    const counter = count();

    const result = await warm.run(warm.parse({ content: 'the words' }));

    expect(result.entry?.content).toBe('the words');
    expect(entries).toHaveLength(2);
    const figures = { ...counter.figures(), requests: aws.calls.length - before };
    console.log('[save path]', JSON.stringify(figures));
    expect(figures).toEqual({
      storageReads: 1, // the draft, read fresh: the popup may have written it a moment ago
      outboxWrites: 2, // queued, then delivered
      badgeUpdates: 1, // once for the delivery run
      alarmCalls: 1,
      requests: 1,
    });
  });
});
