import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { send } from '../shared/client';
import type { Entry, OutboxItem } from '../shared/types';
import { useDraft } from './useDraft';

interface Props {
  draft: string | null;
  box: RefObject<HTMLTextAreaElement | null>;
  onCreated(result: { entry: Entry | null; queued: OutboxItem | null }): void;
}

/** New entry + Save. The text leaves the box only once the worker has it, stored or queued. */
export function Composer({ draft, box, onCreated }: Props) {
  const text = useDraft(draft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (busy || text.text.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const content = text.text;
      await text.commit();
      onCreated(await send('journal.create', { content }));
      text.reset();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      box.current?.focus();
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="new-entry" class="sr-only">
        New entry
      </label>
      <textarea
        id="new-entry"
        ref={box}
        autofocus
        placeholder="What’s on your mind?"
        value={text.text}
        // Until the stored draft is in, typing would overwrite it; and while saving, the text is
        // the one being sent.
        readOnly={draft === null || busy}
        aria-describedby={error ? 'save-error' : undefined}
        onInput={(e) => text.input(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      {error && (
        <p id="save-error" role="alert" class="error">
          {error}
        </p>
      )}
      <div class="row">
        <span class="muted hint">Ctrl+Enter to save</span>
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
