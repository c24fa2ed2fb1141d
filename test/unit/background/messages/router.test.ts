import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import { EXTENSION_ID, EXTENSION_URL, fakeState } from '../../../fakes/browser';
import { freshBrowser } from '../../../fakes/setup';
import { createRouter, type Handlers } from '../../../../src/background/messages/router';
import { createWorker, liveDeps } from '../../../../src/background/worker';
import { JournalError } from '../../../../src/shared/errors';
import { BRAND } from '../../../../src/shared/protocol';

const popup = { id: EXTENSION_ID, url: `${EXTENSION_URL}src/popup/index.html` };

function router(overrides: Partial<Handlers> = {}, logError = vi.fn()) {
  return {
    route: createRouter(
      { ...createWorker(liveDeps()).handlers, ...overrides },
      { extensionId: EXTENSION_ID, extensionUrl: EXTENSION_URL, logError },
    ),
    logError,
  };
}

describe('router', () => {
  beforeEach(freshBrowser);

  it('answers a branded message from its own page with the handler value', async () => {
    const { route } = router();
    const reply = await route(
      { brand: BRAND, type: 'draft.set', request: { text: 'hello' } },
      popup,
    );
    expect(reply).toMatchObject({ ok: true, value: { text: 'hello' } });
    expect(await browser.storage.local.get('draft')).toMatchObject({ draft: { text: 'hello' } });
  });

  it.each([
    ['no brand', { type: 'ping' }],
    ['another brand', { brand: 'other-extension/1', type: 'ping' }],
    ['a string', 'ping'],
    ['null', null],
  ])('ignores a message with %s', (_, message) => {
    expect(router().route(message, popup)).toBeUndefined();
  });

  it.each([
    [
      'a content script of this extension',
      { id: EXTENSION_ID, url: 'https://example.com/page', tab: { id: 4 } },
    ],
    [
      'another extension',
      {
        id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
        url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html',
      },
    ],
    [
      'a page claiming our id from another origin',
      { id: EXTENSION_ID, url: 'https://evil.example/chrome-extension://x' },
    ],
    ['a sender without a url', { id: EXTENSION_ID }],
  ])('refuses %s and runs no handler', async (_, sender) => {
    const run = vi.fn();
    const { route } = router({ ping: { parse: () => undefined, run } });
    const reply = await route({ brand: BRAND, type: 'ping' }, sender as Runtime.MessageSender);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/own pages/) },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('answers an unknown type with a typed error', async () => {
    const reply = await router().route({ brand: BRAND, type: 'steal.tokens' }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TYPE' } });
  });

  it('does not treat inherited object keys as message types', async () => {
    const reply = await router().route({ brand: BRAND, type: 'constructor' }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TYPE' } });
  });

  it.each([
    ['a missing request', undefined],
    ['a number for text', { text: 42 }],
    ['an array', ['x']],
  ])('turns a malformed request (%s) into BAD_REQUEST', async (_, request) => {
    const reply = await router().route({ brand: BRAND, type: 'draft.set', request }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('passes a JournalError through with its code and hides other errors', async () => {
    const { route, logError } = router({
      ping: { parse: () => undefined, run: () => Promise.reject(new Error('secret detail')) },
      'draft.get': {
        parse: () => undefined,
        run: () => {
          throw new JournalError({ code: 'NOT_SIGNED_IN', message: 'Sign in first.' });
        },
      },
    });
    const internal = await route({ brand: BRAND, type: 'ping' }, popup);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret detail');
    expect(logError).toHaveBeenCalledOnce();
    expect(await route({ brand: BRAND, type: 'draft.get' }, popup)).toEqual({
      ok: false,
      error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.' },
    });
  });

  it('logs a converted error as one line: type, code and reason, never its words', async () => {
    const logFailure = vi.fn();
    const route = createRouter(
      {
        ...createWorker(liveDeps()).handlers,
        'journal.create': {
          parse: () => ({ content: 'my private words' }),
          run: () => {
            throw new JournalError(
              {
                code: 'BAD_USER_INPUT',
                message: 'Entry "my private words" refused.',
                reason: 'BAD_USER_INPUT',
              },
              { cause: Object.assign(new Error('token eyJsecret'), { name: 'ClientError' }) },
            );
          },
        },
      },
      { extensionId: EXTENSION_ID, extensionUrl: EXTENSION_URL, logFailure },
    );
    await route({ brand: BRAND, type: 'journal.create', request: {} }, popup);
    expect(logFailure.mock.calls).toEqual([
      ['[journal] journal.create failed: BAD_USER_INPUT, BAD_USER_INPUT, cause ClientError'],
    ]);
    expect(JSON.stringify(logFailure.mock.calls)).not.toMatch(/private|eyJ/);
  });

  it('reports a new boot marker from ping and counts boots in storage', async () => {
    fakeState().sender = popup;
    const reply = await router().route({ brand: BRAND, type: 'ping' }, popup);
    expect(reply).toMatchObject({
      ok: true,
      value: { bootId: expect.stringMatching(/^[0-9a-f-]{36}$/), boots: 1 },
    });
  });
});
