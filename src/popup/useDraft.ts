import { useEffect, useRef, useState } from 'preact/hooks';
import { draftKey } from '../shared/keys';

const DEBOUNCE_MS = 150;

/**
 * The New entry text, kept in storage as it is typed: written straight to storage (no worker
 * round trip, nothing lost if the worker sleeps), lightly debounced, flushed when the popup hides.
 */
export function useDraft(initial: string | null) {
  const [text, setText] = useState('');
  const latest = useRef('');
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (initial === null || dirty.current) return;
    latest.current = initial;
    setText(initial);
  }, [initial]);

  const flush = async (): Promise<void> => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    await draftKey.set({ text: latest.current, updatedAt: Date.now() });
  };

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  return {
    text,
    input(value: string) {
      latest.current = value;
      dirty.current = true;
      setText(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    /** Before saving: storage must hold exactly what is sent, so the worker knows it may clear it. */
    async commit(): Promise<void> {
      dirty.current = true;
      await flush();
    },
    /** After the worker has the entry (stored or in the outbox) and has cleared the draft. */
    reset() {
      clearTimeout(timer.current);
      latest.current = '';
      dirty.current = false;
      setText('');
    },
  };
}
