import type { Entry, OutboxItem } from '../shared/types';
import { EntryRow } from './EntryRow';
import { QueuedRow } from './QueuedRow';

interface Props {
  entries: Entry[];
  queued: OutboxItem[];
  /** Nothing to show yet, but something is on its way: hold the space instead of jumping. */
  placeholder: boolean;
  empty: string | null;
  now: number;
  onUpdated(entry: Entry): void;
  onDeleted(id: string): void;
  onOutbox(items: OutboxItem[]): void;
}

export function RecentList(props: Props) {
  const { entries, queued, placeholder, empty, now } = props;
  const nothing = entries.length === 0 && queued.length === 0;
  return (
    <>
      <ul class="entries" aria-label="Recent entries" aria-busy={placeholder}>
        {queued.map((item) => (
          <QueuedRow key={item.id} item={item} onOutbox={props.onOutbox} />
        ))}
        {entries.map((entry) => (
          <EntryRow
            key={entry.id}
            entry={entry}
            now={now}
            onUpdated={props.onUpdated}
            onDeleted={props.onDeleted}
          />
        ))}
        {nothing &&
          placeholder &&
          [0, 1, 2].map((i) => <li key={i} class="entry skeleton" aria-hidden="true" />)}
      </ul>
      {nothing && !placeholder && empty && <p class="muted empty">{empty}</p>}
    </>
  );
}
