/** Runs `task` once for all callers that arrive while it is in flight (one refresh, one renewal). */
export function dedupe<T>(task: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= task().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
