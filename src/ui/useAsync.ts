import { useCallback, useRef, useState } from 'preact/hooks';
import type { ErrorInfo } from '../shared/errors';
import { toErrorInfo } from './errorInfo';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/**
 * One request at a time for a form: `busy` disables its buttons, and a second `run` while one is
 * in flight is dropped (a double Enter press lands before the re-render that disables the button).
 */
export function useAsync() {
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const run = useCallback(async <T>(task: () => Promise<T>): Promise<Outcome<T> | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    try {
      return { ok: true, value: await task() };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, run };
}
