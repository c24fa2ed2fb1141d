import type { Mfa } from '../auth/mfa';
import { none, object, string } from './parse';
import type { Handlers } from './router';

type MfaHandlers = Pick<
  Handlers,
  | 'auth.answerTotp'
  | 'auth.mfaSetupStart'
  | 'auth.mfaSetupVerify'
  | 'mfa.status'
  | 'mfa.setupStart'
  | 'mfa.setupVerify'
  | 'mfa.turnOff'
>;

// Loose here (spaces, a dash from copying); the service checks for exactly six digits.
const code = (raw: unknown) => ({ code: string(object(raw), 'code', { min: 1, max: 16 }) });

export function createMfaHandlers({ mfa }: { mfa: Mfa }): MfaHandlers {
  return {
    'auth.answerTotp': { parse: code, run: (r) => mfa.answerTotp(r.code) },
    'auth.mfaSetupStart': { parse: none, run: () => mfa.mfaSetupStart() },
    'auth.mfaSetupVerify': { parse: code, run: (r) => mfa.mfaSetupVerify(r.code) },
    'mfa.status': { parse: none, run: () => mfa.status() },
    'mfa.setupStart': { parse: none, run: () => mfa.setupStart() },
    'mfa.setupVerify': { parse: code, run: (r) => mfa.setupVerify(r.code) },
    'mfa.turnOff': { parse: code, run: (r) => mfa.turnOff(r.code) },
  };
}
