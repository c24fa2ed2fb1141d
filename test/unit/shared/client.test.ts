import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { EXTENSION_ID, EXTENSION_URL, fakeState } from '../../fakes/browser';
import { freshBrowser } from '../../fakes/setup';
import { send } from '../../../src/shared/client';
import { JournalError } from '../../../src/shared/errors';
import { createRouter } from '../../../src/background/messages/router';
import { createWorker, liveDeps } from '../../../src/background/worker';

const noSleep = () => Promise.resolve();

function startWorker() {
  browser.runtime.onMessage.addListener(
    createRouter(createWorker(liveDeps()).handlers, {
      extensionId: EXTENSION_ID,
      extensionUrl: EXTENSION_URL,
    }),
  );
}

describe('send()', () => {
  beforeEach(freshBrowser);

  it('round-trips a typed request and response', async () => {
    startWorker();
    const draft = await send('draft.set', { text: 'round trip' });
    expect(draft.text).toBe('round trip');
    expect((await send('draft.get')).text).toBe('round trip');
  });

  it('retries while the worker is waking up, then succeeds', async () => {
    const sleep = vi.fn((ms: number) => {
      if (sleep.mock.calls.length === 3) startWorker(); // the worker comes up during the third wait
      return Promise.resolve(ms);
    });
    const result = await send('ping', undefined, { sleep: sleep as never });
    expect(result.boots).toBe(1);
    expect(sleep).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([25, 50, 100]);
  });

  it('gives up after its bounded backoff with WorkerUnavailableError', async () => {
    const sleep = vi.fn(noSleep);
    const err = await send('ping', undefined, { sleep, retryDelaysMs: [1, 2, 3] }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JournalError);
    expect((err as JournalError).name).toBe('WorkerUnavailableError');
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it('does not retry other failures', async () => {
    const spy = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Extension context invalidated.'));
    const sleep = vi.fn(noSleep);
    await expect(send('ping', undefined, { sleep })).rejects.toMatchObject({
      code: 'WORKER_UNAVAILABLE',
    });
    expect(sleep).not.toHaveBeenCalled();
    expect(spy).toHaveBeenCalledOnce();
  });

  it('rebuilds an error reply into a named error', async () => {
    startWorker();
    const err = await send('draft.set', { text: 7 } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalError);
    expect(err).toMatchObject({ name: 'BadRequestError', code: 'BAD_REQUEST' });
  });

  it('is refused when sent from a content script', async () => {
    startWorker();
    fakeState().sender = { id: EXTENSION_ID, url: 'https://example.com/', tab: { id: 1 } };
    await expect(send('ping')).rejects.toMatchObject({ name: 'ForbiddenSenderError' });
  });

  it('treats an unreadable reply as an internal error, not a success', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: 'yes' });
    await expect(send('ping')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
