import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { isJournalError } from '../shared/errors';
import { accountKey } from '../shared/keys';
import type { SessionView } from '../shared/protocol';
import { isRecord, isString } from '../shared/storage';

export interface SessionState {
  session: SessionView;
  /** True once storage or the worker has said anything: before that the page paints no guess. */
  known: boolean;
  /** True once the worker has answered; until then the page shows what storage says. */
  confirmed: boolean;
  /** Why the worker could not be asked, when that is not just "no backend yet". */
  error: string | null;
}

const UNKNOWN: SessionView = {
  configured: true,
  signedIn: false,
  email: null,
  signedOutReason: null,
};

function fromAccount(raw: unknown): Pick<SessionView, 'signedIn' | 'email'> {
  return isRecord(raw) && isString(raw.email)
    ? { signedIn: true, email: raw.email }
    : { signedIn: false, email: null };
}

/**
 * The session as the page shows it: painted at once from the `account` key, confirmed by
 * `session.get`, and kept current when the popup or the worker changes `account`.
 * `refreshKey` changes when something else (saving a configuration) may have changed the session.
 */
export function useSession(refreshKey: number) {
  const [state, setState] = useState<SessionState>({
    session: UNKNOWN,
    known: false,
    confirmed: false,
    error: null,
  });

  const confirm = useCallback(async () => {
    try {
      const session = await send('session.get');
      setState({ session, known: true, confirmed: true, error: null });
    } catch (err) {
      if (isJournalError(err, 'NOT_CONFIGURED')) {
        setState((s) => ({
          session: { ...s.session, configured: false, signedIn: false, email: null },
          known: true,
          confirmed: true,
          error: null,
        }));
      } else {
        const error = err instanceof Error ? err.message : String(err);
        setState((s) => ({ ...s, known: true, error }));
      }
    }
  }, []);

  useEffect(() => {
    let live = true;
    void accountKey.get().then((account) => {
      // The worker may already have answered: its word beats storage's.
      if (!live) return;
      setState((s) =>
        s.confirmed ? s : { ...s, known: true, session: { ...s.session, ...fromAccount(account) } },
      );
    });
    void confirm();
    return () => {
      live = false;
    };
  }, [confirm, refreshKey]);

  useEffect(() => {
    return accountKey.watch((account) => {
      setState((s) => ({ ...s, session: { ...s.session, ...fromAccount(account) } }));
      // Signed out elsewhere: ask why (an expired session has a reason worth showing).
      void confirm();
    });
  }, [confirm]);

  const setSession = useCallback(
    (session: SessionView) => setState({ session, known: true, confirmed: true, error: null }),
    [],
  );
  return { ...state, setSession };
}
