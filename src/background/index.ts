import browser from 'webextension-polyfill';
import { recordBoot } from './boot';
import { handlers } from './handlers';
import { journal } from './journal/instance';
import { registerJournalListeners } from './journal/listeners';
import { createRouter } from './router';

// Listeners are registered synchronously at top level: MV3 wakes the worker for an event only if
// the listener exists before the first await.
browser.runtime.onMessage.addListener(
  createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionUrl: browser.runtime.getURL(''),
  }),
);
registerJournalListeners(journal);

void recordBoot();
