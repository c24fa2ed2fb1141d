import { useState } from 'preact/hooks';
import { send } from '../shared/client';
import type { Entry } from '../shared/types';
import { EditBox } from './EditBox';
import { fullDate, relativeDate } from './relativeTime';
import { Alert } from '../ui/Alert';

interface Props {
  entry: Entry;
  now: number;
  onUpdated(entry: Entry): void;
  onDeleted(id: string): void;
}

type Mode = 'view' | 'edit' | 'confirm';

/** One stored entry: read, edit in place, or delete after a confirmation that stays in the row. */
export function EntryRow({ entry, now, onUpdated, onDeleted }: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setError(null);
    try {
      await send('journal.delete', { id: entry.id });
      onDeleted(entry.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setMode('view');
    }
  };

  return (
    <li class="entry">
      {mode === 'edit' ? (
        <EditBox
          initial={entry.content}
          onCancel={() => setMode('view')}
          onUpdate={async (content) => {
            onUpdated(await send('journal.update', { id: entry.id, content }));
            setMode('view');
          }}
        />
      ) : (
        <p class="content">{entry.content}</p>
      )}
      {mode === 'view' && (
        <div class="row meta">
          <time dateTime={entry.createDate} title={fullDate(entry.createDate)}>
            {relativeDate(entry.createDate, now)}
          </time>
          <span class="actions">
            <button type="button" class="link" onClick={() => setMode('edit')}>
              Edit
            </button>
            <button type="button" class="link" onClick={() => setMode('confirm')}>
              Delete
            </button>
          </span>
        </div>
      )}
      {mode === 'confirm' && (
        <div class="row confirm" role="group" aria-label="Confirm delete">
          <span>Delete this entry for good?</span>
          <span class="actions">
            <button type="button" ref={(el) => el?.focus()} onClick={() => setMode('view')}>
              Keep
            </button>
            <button type="button" class="danger" onClick={() => void remove()}>
              Yes, delete
            </button>
          </span>
        </div>
      )}
      <Alert message={error} />
    </li>
  );
}
