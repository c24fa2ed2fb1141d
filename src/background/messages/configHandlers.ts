import type { Session } from '../auth/session';
import { loadConfig, parseOrThrow, sameBackend, saveConfig } from '../config/backendConfig';
import { none, object, string } from './parse';
import type { Handlers } from './router';

export interface ConfigHandlerDeps {
  session: Session;
}

export function createConfigHandlers({
  session,
}: ConfigHandlerDeps): Pick<Handlers, 'config.get' | 'config.save'> {
  return {
    'config.get': { parse: none, run: () => loadConfig() },
    'config.save': {
      parse: (raw) => ({ json: string(object(raw), 'json', { max: 10_000 }) }),
      async run({ json }) {
        const config = parseOrThrow(json);
        const { config: before } = await loadConfig();
        let signedOut = false;
        // Tokens from one User Pool mean nothing to another: leave the old backend signed out.
        if (before && !sameBackend(before, config)) {
          signedOut = (await session.view()).signedIn;
          await session.end(null);
        }
        await saveConfig(config);
        return { config, signedOut };
      },
    },
  };
}
