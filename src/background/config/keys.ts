import { parseConfig, type BackendConfig } from '../../shared/config';
import { storageKey } from '../../shared/storage';

/** The saved backend configuration (the worker's: pages ask for it by message). */
export const configKey = storageKey<BackendConfig | null>('backendConfig', {
  validate: (raw): raw is BackendConfig | null => raw === null || parseConfig(raw).ok,
  fallback: null,
});
