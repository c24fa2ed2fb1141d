import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert } from '../ui/Alert';

interface Props {
  initial: string;
  onUpdate(content: string): Promise<void>;
  onCancel(): void;
}

/** Inline editing: "Update", not "Save", so the popup's one Save button stays unique. */
export function EditBox({ initial, onUpdate, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const update = async () => {
    setBusy(true);
    setError(null);
    try {
      await onUpdate(text);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <div class="edit">
      <textarea
        aria-label="Edit entry"
        value={text}
        ref={box}
        readOnly={busy}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void update();
          }
        }}
      />
      <Alert message={error} />
      <div class="row end">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={() => void update()} disabled={busy}>
          Update
        </button>
      </div>
    </div>
  );
}
