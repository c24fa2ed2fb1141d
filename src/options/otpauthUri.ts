/** What authenticator apps show as the account's issuer. */
export const TOTP_ISSUER = 'Journal';

/**
 * The `otpauth://` URI an authenticator app reads from the QR code (Google's Key Uri Format):
 * label `Issuer:account`, the base32 secret, and the defaults Cognito uses (SHA1, 6 digits, 30 s).
 */
export function otpauthUri(secret: string, account: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** The secret in groups of four, easier to copy by hand; apps ignore the spaces. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** What the person typed, as Cognito wants it: six digits (spaces and dashes from copying dropped). */
export function cleanCode(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}
