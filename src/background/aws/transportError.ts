/**
 * The request never got an answer (offline, a dead host, the timeout): the API client turns it
 * into its NETWORK error. Kept apart from api/ so the transport does not depend on its user.
 */
export class TransportError extends Error {
  constructor(cause: unknown) {
    super('The request got no answer.', { cause });
    this.name = 'TransportError';
  }
}
