import * as cognitoJs from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../../backend/local/cognito/passwordPolicy';
import {
  N,
  g,
  k,
  makeVerifier,
  modPow,
  padHex,
  passwordMatches,
} from '../../../backend/local/cognito/srp';

interface JsBig {
  toString(radix: number): string;
}
interface Helper {
  N: JsBig;
  g: JsBig;
  k: JsBig;
  generateHashDevice(group: string, username: string, cb: (err: unknown) => void): void;
  getSaltDevices(): string;
  getVerifierDevices(): string;
  getRandomPassword(): string;
}
// Exists at run time, not in the library's types.
const { AuthenticationHelper } = cognitoJs as unknown as {
  AuthenticationHelper: new (poolName: string) => Helper;
};

describe('SRP parameters and verifier, against amazon-cognito-identity-js', () => {
  const helper = new AuthenticationHelper('LocalPool1');

  it('uses the same N, g and k', () => {
    expect(N.toString(16)).toBe(helper.N.toString(16));
    expect(g.toString(16)).toBe(helper.g.toString(16));
    expect(k.toString(16)).toBe(helper.k.toString(16));
  });

  it('pads hex like Java BigInteger.toByteArray', () => {
    expect(padHex(0x14n)).toBe('14');
    expect(padHex(0xecn)).toBe('00ec');
    expect(padHex(0x123n)).toBe('0123');
    expect(padHex(0x8123n)).toBe('008123');
  });

  it('checks a verifier the library computed (same x = H(salt | H(pool | user | ":" | password)))', async () => {
    await new Promise<void>((resolve, reject) =>
      helper.generateHashDevice('DeviceGroup', 'user-1', (err) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
      ),
    );
    const stored = { salt: helper.getSaltDevices(), verifier: helper.getVerifierDevices() };
    expect(passwordMatches('DeviceGroup', 'user-1', helper.getRandomPassword(), stored)).toBe(true);
    expect(passwordMatches('DeviceGroup', 'user-2', helper.getRandomPassword(), stored)).toBe(
      false,
    );
    expect(passwordMatches('OtherGroup', 'user-1', helper.getRandomPassword(), stored)).toBe(false);
  });

  it('stores a fresh salt per password and never the password', () => {
    const a = makeVerifier('LocalPool1', 'u', 'Secret-Pass1!');
    const b = makeVerifier('LocalPool1', 'u', 'Secret-Pass1!');
    expect(a.salt).not.toBe(b.salt);
    expect(JSON.stringify(a)).not.toContain('Secret');
    expect(passwordMatches('LocalPool1', 'u', 'Secret-Pass1!', a)).toBe(true);
    expect(passwordMatches('LocalPool1', 'u', 'Secret-Pass2!', a)).toBe(false);
  });

  it('modPow agrees with small known values', () => {
    expect(modPow(2n, 10n, 1000n)).toBe(24n);
    expect(modPow(3n, 0n, 7n)).toBe(1n);
    expect(modPow(-2n, 3n, 7n)).toBe(6n); // (-8) mod 7
  });
});

describe('password policy', () => {
  it.each([
    ['Sh0rt!', 'Password not long enough'],
    ['ALLUPPER1!', 'Password must have lowercase characters'],
    ['alllower1!', 'Password must have uppercase characters'],
    ['NoDigits!!', 'Password must have numeric characters'],
    ['NoSymbol12', 'Password must have symbol characters'],
  ])('refuses %s', (password, why) => {
    expect(() => checkPasswordPolicy(password)).toThrow(
      `Password did not conform with policy: ${why}`,
    );
  });
  it('accepts a password meeting every rule', () => {
    expect(() => checkPasswordPolicy('Good-Pass1')).not.toThrow();
  });
});
