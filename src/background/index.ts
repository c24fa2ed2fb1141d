import browser from 'webextension-polyfill';
import { recordBoot } from './boot';
import { registerJournalListeners } from './journal/listeners';
import { createRouter } from './messages/router';
import { createWorker, liveDeps } from './worker';

// The worker's one set of objects. Building it does no I/O, so it can happen before the listeners.
const worker = createWorker(liveDeps());

// Listeners are registered synchronously at top level: MV3 wakes the worker for an event only if
// the listener exists before the first await.
browser.runtime.onMessage.addListener(
  createRouter(worker.handlers, {
    extensionId: browser.runtime.id,
    extensionUrl: browser.runtime.getURL(''),
  }),
);
registerJournalListeners(worker.journal);

void recordBoot();
