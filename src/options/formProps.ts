import type { FormName, Success } from './accountFlow';

/** What every signed-out form gets from the account section. */
export interface FormProps {
  /** Shared by all forms, so switching forms keeps the address typed. */
  email: string;
  setEmail: (email: string) => void;
  busy: boolean;
  /** Runs the request: true when it succeeded, false when refused, null when one was already in flight. */
  attempt: (task: () => Promise<Success>) => Promise<boolean | null>;
  go: (form: FormName) => void;
}

export const PASSWORD_POLICY =
  'At least 8 characters, with a lower-case and an upper-case letter, a digit and a symbol.';
