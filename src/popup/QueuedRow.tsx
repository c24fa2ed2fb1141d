import { useState } from 'preact/hooks';
import { send } from '../shared/client';
import type { OutboxItem } from '../shared/types';
import { EditBox } from './EditBox';
import { Alert } from '../ui/Alert';

interface Props {
  item: OutboxItem;
  onOutbox(items: OutboxItem[]): void;
}

/** An entry the journal does not hold yet: waiting, or refused with the API's reason to act on. */
export function QueuedRow({ item, onOutbox }: Props) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refused = item.status === 'refused';

  const discard = async () => {
    try {
      onOutbox(await send('outbox.discard', { id: item.id }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <li class={refused ? 'entry queued refused' : 'entry queued'}>
      {editing ? (
        <EditBox
          initial={item.content}
          onCancel={() => setEditing(false)}
          onUpdate={async (content) => {
            onOutbox(await send('outbox.edit', { id: item.id, content }));
            setEditing(false);
          }}
        />
      ) : (
        <p class="content">{item.content}</p>
      )}
      {!editing && (
        <div class="row meta">
          {refused ? (
            <span class="error">{item.lastError ?? 'The journal refused this entry.'}</span>
          ) : (
            <span class="muted">Waiting to be saved</span>
          )}
          {refused && (
            <span class="actions">
              <button type="button" class="link" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" class="link" onClick={() => void discard()}>
                Discard
              </button>
            </span>
          )}
        </div>
      )}
      <Alert message={error} />
    </li>
  );
}
