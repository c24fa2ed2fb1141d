import { describe, expect, it } from 'vitest';
import { dedupe } from '../../../src/background/dedupe';
import { isDue, renewAt, tokenWindow } from '../../../src/background/renewal';

const MIN = 60_000;

describe('when something counts as due', () => {
  it.each([
    // issuedAt, expiresAt, now, due? — five minutes ahead, or halfway when the life is shorter
    { life: '1 h', issuedAt: 0, expiresAt: 60 * MIN, now: 54 * MIN, due: false },
    { life: '1 h', issuedAt: 0, expiresAt: 60 * MIN, now: 55 * MIN, due: true },
    { life: '1 h', issuedAt: 0, expiresAt: 60 * MIN, now: 61 * MIN, due: true },
    { life: '12 s', issuedAt: 0, expiresAt: 12_000, now: 5_999, due: false },
    { life: '12 s', issuedAt: 0, expiresAt: 12_000, now: 6_000, due: true },
    { life: '8 min', issuedAt: 0, expiresAt: 8 * MIN, now: 3 * MIN + 59_999, due: false },
    { life: '8 min', issuedAt: 0, expiresAt: 8 * MIN, now: 4 * MIN, due: true },
    { life: 'none', issuedAt: 10, expiresAt: 10, now: 10, due: true },
  ])('$life token at $now ms: due=$due', ({ issuedAt, expiresAt, now, due }) => {
    expect(isDue(now, issuedAt, expiresAt)).toBe(due);
  });

  it('renews five minutes before a long expiry', () => {
    expect(renewAt(0, 60 * MIN)).toBe(55 * MIN);
  });
});

describe('clock drift', () => {
  // Server issues a 1-hour token at server time 1_000_000 s.
  const claims = { iat: 1_000_000, exp: 1_003_600 };
  it.each([
    { clock: 'right', driftS: 0, localNowS: 1_000_000 + 3000, due: false },
    { clock: 'right', driftS: 0, localNowS: 1_000_000 + 3300, due: true },
    // A clock 10 minutes fast sees local 1_000_600 at issue: not due after 50 minutes of real time.
    { clock: '10 min fast', driftS: 600, localNowS: 1_000_600 + 3000, due: false },
    { clock: '10 min fast', driftS: 600, localNowS: 1_000_600 + 3300, due: true },
    // A clock 2 hours slow would think an expired token fresh without the correction.
    { clock: '2 h slow', driftS: -7200, localNowS: 1_000_000 - 7200 + 3400, due: true },
    { clock: '2 h slow', driftS: -7200, localNowS: 1_000_000 - 7200 + 100, due: false },
  ])('$clock clock at local $localNowS s: due=$due', ({ driftS, localNowS, due }) => {
    const w = tokenWindow(claims, driftS);
    expect(isDue(localNowS * 1000, w.issuedAt, w.expiresAt)).toBe(due);
  });
});

describe('dedupe', () => {
  it('runs one task for every caller that arrives while it is in flight, then a new one', async () => {
    let runs = 0;
    let release!: (v: number) => void;
    const once = dedupe(() => {
      runs += 1;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const callers = Array.from({ length: 5 }, () => once());
    release(7);
    expect(await Promise.all(callers)).toEqual([7, 7, 7, 7, 7]);
    expect(runs).toBe(1);
    const later = once();
    release(8);
    expect(await later).toBe(8);
    expect(runs).toBe(2);
  });

  it('lets the next caller try again after a failure', async () => {
    let runs = 0;
    const once = dedupe(async () => {
      runs += 1;
      if (runs === 1) throw new Error('offline');
      return 'ok';
    });
    await expect(once()).rejects.toThrow('offline');
    await expect(once()).resolves.toBe('ok');
  });
});
