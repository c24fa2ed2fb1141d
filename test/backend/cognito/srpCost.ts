// Measures the server's SRP work per sign-in (run: npx tsx test/backend/cognito/srpCost.ts). Not a test.
import { randomBytes } from 'node:crypto';
import {
  N,
  g,
  makeVerifier,
  modPow,
  passwordMatches,
  serverEphemeral,
  sessionKey,
} from '../../../backend/local/cognito/srp';

const ROUNDS = 20;
const stored = makeVerifier('LocalPool1', 'user', 'Corr3ct-Horse!');
const aHex = modPow(g, BigInt(`0x${randomBytes(128).toString('hex')}`), N).toString(16);

const time = (label: string, fn: () => unknown): void => {
  fn();
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) fn();
  console.log(`${label}: ${((performance.now() - start) / ROUNDS).toFixed(1)} ms`);
};

time('SRP sign-in (B, then S and key)', () =>
  sessionKey(aHex, serverEphemeral(stored.verifier), stored.verifier),
);
time('verifier from password (sign-up, USER_PASSWORD_AUTH)', () =>
  passwordMatches('LocalPool1', 'user', 'Corr3ct-Horse!', stored),
);
