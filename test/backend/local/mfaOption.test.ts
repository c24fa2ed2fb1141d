import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../../backend/local/options';

describe('JOURNAL_MFA', () => {
  it('defaults to optional MFA, as the deployed pool has it, and JOURNAL_MFA=required requires it', () => {
    expect(resolveOptions({}, {}).mfa).toBe('optional');
    expect(resolveOptions({}, { JOURNAL_MFA: 'required' }).mfa).toBe('required');
    expect(resolveOptions({ mfa: 'optional' }, { JOURNAL_MFA: 'required' }).mfa).toBe('optional');
  });

  it('refuses a value it does not know, naming the variable', () => {
    expect(() => resolveOptions({}, { JOURNAL_MFA: 'on' })).toThrow(
      'JOURNAL_MFA must be "optional" or "required", not "on"',
    );
  });
});
