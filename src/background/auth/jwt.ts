/** The claims the worker reads from Cognito's tokens. The signature is the servers' business. */
export interface IdClaims {
  sub: string;
  email: string | null;
  iat: number;
  exp: number;
  jti: string | null;
}

function payload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('Not a JWT.');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function idClaims(token: string): IdClaims {
  const p = payload(token);
  if (typeof p.sub !== 'string' || typeof p.iat !== 'number' || typeof p.exp !== 'number')
    throw new Error('The ID token lacks sub, iat or exp.');
  return {
    sub: p.sub,
    email: typeof p.email === 'string' ? p.email : null,
    iat: p.iat,
    exp: p.exp,
    jti: typeof p.jti === 'string' ? p.jti : null,
  };
}

/** Names one ID token without keeping any of it: credentials remember which token they belong to. */
export function tokenId(claims: IdClaims): string {
  return claims.jti ?? `${claims.sub}:${claims.iat}`;
}
