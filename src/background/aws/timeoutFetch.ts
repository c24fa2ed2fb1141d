/** How long the worker waits for AWS before treating the request as lost (a network black hole). */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * A fetch that gives up after `ms`: a request that never answers becomes a network error (the entry
 * waits in the outbox, nobody is signed out) instead of a Save that spins forever.
 */
export function withTimeout(fetcher: typeof fetch, ms = REQUEST_TIMEOUT_MS): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetcher(input, { ...init, signal });
  };
}
