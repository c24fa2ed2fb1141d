const MAX_MARGIN_MS = 5 * 60_000;

/**
 * When to renew something valid from `issuedAt` to `expiresAt` (both local ms): five minutes before
 * it expires, or halfway through its life when that is shorter, so short-lived test tokens and
 * hour-long real ones both renew before anyone sees them fail.
 */
export function renewAt(issuedAt: number, expiresAt: number): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  return expiresAt - Math.min(MAX_MARGIN_MS, lifetime / 2);
}

export function isDue(now: number, issuedAt: number, expiresAt: number): boolean {
  return now >= renewAt(issuedAt, expiresAt);
}

/**
 * A JWT's times in local ms. `driftS` is local minus server seconds (amazon-cognito-identity-js's
 * `clockDrift`): a laptop clock five minutes fast must not think a fresh token is stale.
 */
export function tokenWindow(
  claims: { iat: number; exp: number },
  driftS: number,
): { issuedAt: number; expiresAt: number } {
  return { issuedAt: (claims.iat + driftS) * 1000, expiresAt: (claims.exp + driftS) * 1000 };
}
