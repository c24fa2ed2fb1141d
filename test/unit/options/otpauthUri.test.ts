import { describe, expect, it } from 'vitest';
import { URI } from 'otpauth';
import { cleanCode, groupedSecret, otpauthUri } from '../../../src/options/otpauthUri';
import { qrPath } from '../../../src/options/qrPath';

describe('the authenticator app’s URI', () => {
  it('is read back by otpauth as the same secret, account, issuer and Cognito’s parameters', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const totp = URI.parse(otpauthUri(secret, 'ann+journal@example.com'));
    expect(totp.secret.base32).toBe(secret);
    expect(totp.label).toBe('ann+journal@example.com');
    expect(totp.issuer).toBe('Journal');
    expect(totp.algorithm).toBe('SHA1');
    expect(totp.digits).toBe(6);
    expect('period' in totp && totp.period).toBe(30);
  });

  it('groups the key by four for typing, and takes a typed code with spaces or a dash', () => {
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(cleanCode(' 123 456 ')).toBe('123456');
    expect(cleanCode('123-456')).toBe('123456');
  });

  it('draws one unit square per dark module, inside the quiet zone', () => {
    const path = qrPath(2, (r, c) => r === c, 4);
    expect(path).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
  });
});
