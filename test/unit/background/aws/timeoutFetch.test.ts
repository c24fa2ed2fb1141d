import { describe, expect, it } from 'vitest';
import { withTimeout } from '../../../../src/background/aws/timeoutFetch';

/** A server that never answers, but drops the request when the caller aborts, as fetch does. */
const blackHole: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
  });

describe('withTimeout', () => {
  it('turns a request that never answers into a rejection', async () => {
    await expect(withTimeout(blackHole, 20)('https://example.test/')).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it('still honours the caller’s own abort', async () => {
    const controller = new AbortController();
    const pending = withTimeout(blackHole, 60_000)('https://example.test/', {
      signal: controller.signal,
    });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });

  it('passes a timely answer and the request options through', async () => {
    const seen: RequestInit[] = [];
    const echo: typeof fetch = (_input, init) => {
      seen.push(init ?? {});
      return Promise.resolve(new Response('ok', { status: 200 }));
    };
    const response = await withTimeout(echo, 1000)('https://example.test/', {
      method: 'POST',
      body: 'x',
    });
    expect(await response.text()).toBe('ok');
    expect(seen[0]).toMatchObject({ method: 'POST', body: 'x' });
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
  });
});
