import browser from 'webextension-polyfill';

/** Signed out is not a dead end: writing still works (entries wait), and settings are one click. */
export function SignedOut() {
  return (
    <div class="banner" role="status">
      <span>You're signed out.</span>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Open settings
      </button>
    </div>
  );
}
