import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type RunningStack } from '../../../backend/local';
import { signWithAwsSignWeb, signWithSmithy } from '../sigv4/signers';
import { RECENT, signInAndGetCredentials, signedGraphql, type Caller } from './peer';

// The stack runs on a clock the test moves; requests are signed at that clock's time.
let t = Date.now();
const now = () => t;
let stack: RunningStack;
let caller: Caller;

beforeAll(async () => {
  stack = await startStack({ port: 0, inMemory: true, credentialsTtlS: 60, log: () => {}, now });
  caller = await signInAndGetCredentials(stack, stack.demoUser.email, stack.demoUser.password);
});
afterAll(() => stack.close());

it('issues credentials for the configured lifetime and refuses them once expired', async () => {
  expect(caller.credentials.expiration.getTime()).toBe(Math.floor((t + 60_000) / 1000) * 1000);
  const fresh = await signedGraphql(stack, {
    signer: signWithSmithy,
    credentials: caller.credentials,
    query: RECENT,
    date: new Date(t),
  });
  expect(fresh.status).toBe(200);

  t += 61_000;
  const expired = await signedGraphql(stack, {
    signer: signWithAwsSignWeb,
    credentials: caller.credentials,
    query: RECENT,
    date: new Date(t),
  });
  expect(expired.status).toBe(403);
  expect(expired.errorType).toBe('ExpiredTokenException');
  expect(expired.json).toEqual({
    message: 'The security token included in the request is expired',
  });
  // Clients correct their clock from this header: it is the stack's clock.
  expect(Date.parse(expired.headers.get('date') ?? '')).toBe(Math.floor(t / 1000) * 1000);
});
