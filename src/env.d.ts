import type { BackendConfig } from './shared/config';

declare global {
  /** Replaced at build time (vite `define`): the backend configuration from `JOURNAL_CONFIG`, or null. */
  const __JOURNAL_DEFAULT_CONFIG__: BackendConfig | null;
}
