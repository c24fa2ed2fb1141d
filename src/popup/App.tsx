import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { draftKey } from '../shared/keys';

export function App() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Paint the draft straight from storage: no wait for the worker to wake.
    void draftKey.get().then((draft) => setText((current) => current || draft.text));
  }, []);

  const onInput = (value: string) => {
    setText(value);
    send('draft.set', { text: value }).catch((err: Error) => setError(err.message));
  };

  return (
    <main>
      <label htmlFor="new-entry" class="sr-only">
        New entry
      </label>
      <textarea
        id="new-entry"
        autofocus
        placeholder="What’s on your mind?"
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ul aria-label="Recent entries" />
    </main>
  );
}
