import type { FormName } from './accountFlow';

/** Hyphenated on purpose: no button other than the real one may be named "Sign in". */
export function BackToSignIn({ go }: { go: (form: FormName) => void }) {
  return (
    <button type="button" class="link" onClick={() => go('signIn')}>
      Back to sign-in
    </button>
  );
}
