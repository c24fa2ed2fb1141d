import { getJournalApi } from '../session/journalApi';
import { createJournal } from './journal';
import { systemClock } from './store';

/** The one journal of this worker: handlers and listeners share its delivery run. */
export const journal = createJournal({
  api: getJournalApi,
  clock: systemClock,
  newId: () => crypto.randomUUID(),
});
