import type { ComponentChildren } from 'preact';

interface Props {
  busy: boolean;
  type?: 'submit' | 'button';
  primary?: boolean;
  onClick?: () => void;
  children: ComponentChildren;
}

/**
 * A button that is disabled while its request is in flight. Its name stays the same while busy
 * (tests and screen readers find it by name); the spinner is decoration.
 */
export function BusyButton({ busy, type = 'submit', primary = false, onClick, children }: Props) {
  return (
    <button
      type={type}
      class={primary ? 'primary' : undefined}
      disabled={busy}
      aria-busy={busy}
      onClick={onClick}
    >
      {busy && <span class="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
