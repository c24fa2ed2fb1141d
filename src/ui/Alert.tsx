/** A message the person must see now: screen readers announce `role="alert"` as it appears. */
export function Alert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" class="alert error">
      {message}
    </p>
  );
}

/** Good news that does not interrupt (a polite live region). */
export function Notice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" class="notice">
      {message}
    </p>
  );
}
