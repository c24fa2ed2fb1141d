import type { BackendConfig } from '../../shared/config';
import type { ConfigSource } from '../../shared/protocol';
import { loadConfig, parseOrThrow, sameBackend, saveConfig } from './backendConfig';

export interface ConfigServiceDeps {
  /**
   * Ends the session on the backend being left; true when someone was signed in. Given by the
   * composition root (the session lives in auth/, which depends on config/, not the reverse).
   */
  leaveBackend: () => Promise<boolean>;
}

/** The backend configuration's rules: what saving one means for the person signed in. */
export function createConfigService(deps: ConfigServiceDeps) {
  return {
    load: (): Promise<{ config: BackendConfig | null; source: ConfigSource }> => loadConfig(),

    /** Parses first (a bad paste changes nothing); another backend signs the person out. */
    async save(json: string): Promise<{ config: BackendConfig; signedOut: boolean }> {
      const config = parseOrThrow(json);
      const { config: before } = await loadConfig();
      // Tokens from one User Pool mean nothing to another: leave the old backend signed out.
      const signedOut =
        before !== null && !sameBackend(before, config) ? await deps.leaveBackend() : false;
      await saveConfig(config);
      return { config, signedOut };
    },
  };
}

export type ConfigService = ReturnType<typeof createConfigService>;
